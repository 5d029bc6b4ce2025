package org.noticesearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.noticesearch.config.IndexConfig;

/** Shared test wiring: the repo's index-config, one parser, and the folders of notices. */
final class TestNotices {
    /** Tests run with the repository root as the working directory. */
    static final Path CORPUS = Path.of("corpus");
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    /** One notice per layout that real notices showed the parser getting wrong (issue 12). */
    static final Path LAYOUTS = Path.of("src/test/resources/layouts");
    static final IndexConfig CONFIG = IndexConfig.load(Path.of("index-config"));
    static final NoticeParser PARSER = new NoticeParser(CONFIG);

    private TestNotices() {}

    static Notice seed(String prefix) {
        try (var files = Files.list(CORPUS)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst().orElseThrow();
            return parse(CORPUS, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Notice fixture(String name) {
        return parse(FIXTURES, FIXTURES.resolve(name));
    }

    static Notice layout(String name) {
        return parse(LAYOUTS, LAYOUTS.resolve(name));
    }

    static Notice parse(Path root, Path file) {
        try {
            return PARSER.parse(CorpusWalker.read(root, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoticeParseException e) {
            throw new AssertionError("expected " + file + " to parse: " + e.getMessage(), e);
        }
    }
}
