# Notice Search: build with Maven + JDK 21, run on a JRE 21 as a non-root user, with the bundled corpus baked in.
#   docker build -t notice-search .
#   docker run -p 8080:8080 -v notice-index:/app/data notice-search
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --create-home --uid 10001 notice
WORKDIR /app
COPY --from=build /src/target/notice-search.jar target/notice-search.jar
COPY bin bin
COPY index-config index-config
COPY corpus corpus
RUN mkdir -p data && chown notice:notice data
USER notice
# The index lives in data/index; keep it on a volume so a restart does not re-index.
VOLUME /app/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["java", "-jar", "target/notice-search.jar", "healthcheck"]
# The same command as the README's quick start.
CMD ["bin/notice-search", "serve"]
