# Sourced by bin/notice-search and bin/test: finds a JDK 21+ even where the machine's default java is older.
# find_java prints the newest java binary of version 21 or more among $JAVA_HOME, the java on PATH and the JDKs
# under /usr/lib/jvm and /opt/java/openjdk; it fails with a message naming what to install when there is none.

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1; }

find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for d in /usr/lib/jvm/*/ /opt/java/openjdk/; do [ -x "$d/bin/java" ] && candidates+=("$d/bin/java"); done
  local best="" best_v=0 v
  for j in "${candidates[@]}"; do
    v="$(java_major "$j" 2>/dev/null || echo 0)"; v="${v%%.*}"
    if [ "${v:-0}" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$j"; best_v="$v"; fi
  done
  [ -n "$best" ] || { echo "notice-search: needs Java 21 or newer (set JAVA_HOME, or install a JDK 21+ under /usr/lib/jvm)" >&2; return 1; }
  echo "$best"
}
