package org.noticesearch.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.noticesearch.search.SearchTestSupport;

/**
 * The golden end-to-end table (as anserini pins its regressions): {@code src/test/resources/golden/search.tsv} lists
 * searches over {@link #corpus the golden corpus} with their total and their first hits in order. Every engine runs
 * the same table through the HTTP API, so a change of ranking, matching, filtering or sorting on either one shows up
 * here as a named row, with what was expected and what came.
 */
public final class Golden {
    /** The table: one search per line, {@code query-string<TAB>total<TAB>top ids<TAB>what it pins}. */
    public static final Path TABLE = Path.of("src/test/resources/golden/search.tsv");
    /** How many hits of each search the table pins, in order. */
    public static final int TOP = 5;

    private Golden() {}

    /** One row: the API query string as a person writes it (not percent-encoded), the total and the first ids. */
    public record Row(int line, String query, long total, List<String> top, String why) {
        /** The query string percent-encoded for a URL. */
        public String encoded() {
            List<String> parts = new ArrayList<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parts.add(pair.substring(0, eq + 1) + URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return String.join("&", parts);
        }
    }

    /** The rows of the table; a malformed line fails naming its number. */
    public static List<Row> rows() {
        try {
            List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException(TABLE + ":" + (i + 1) + ": expected 4 tab-separated fields, found " + f.length);
                }
                List<String> top = f[2].isEmpty() ? List.of() : List.of(f[2].split(","));
                out.add(new Row(i + 1, f[0], Long.parseLong(f[1]), top, f[3]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a search answered, in the table's terms. */
    public static String actual(JsonNode page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode h : page.get("hits")) {
            if (ids.size() < TOP) {
                ids.add(h.get("id").asText());
            }
        }
        return page.get("total").asLong() + "\t" + String.join(",", ids);
    }

    /** How one engine answers a row: the JSON of {@code /api/search?<row's query>}. */
    public interface Searcher {
        JsonNode search(Row row) throws Exception;
    }

    /**
     * The rows an engine answers otherwise than pinned, each with what was expected and what came (empty when all
     * agree). With {@code -Dgolden.print=true} every answer is printed in the table's format, for a person to review.
     */
    public static List<String> disagreements(String engine, Searcher searcher) throws Exception {
        List<String> wrong = new ArrayList<>();
        boolean print = Boolean.getBoolean("golden.print");
        for (Row r : rows()) {
            String actual = actual(searcher.search(r));
            if (print) {
                System.out.println("GOLDEN\t" + engine + "\t" + r.query() + "\t" + actual + "\t" + r.why());
            }
            if (!actual.equals(expected(r))) {
                wrong.add(engine + ": line " + r.line() + " " + r.query() + " (" + r.why() + ")\n    expected " + expected(r)
                        + "\n    got      " + actual);
            }
        }
        return wrong;
    }

    /** The expected answer of a row, in the same form as {@link #actual}. */
    public static String expected(Row r) {
        return r.total() + "\t" + String.join(",", r.top());
    }

    /**
     * The golden corpus: the bundled notices ({@code corpus/}), the parser fixtures and the layout fixtures (real
     * layouts written for this project), copied into {@code into}. Together they cover every header layout, the
     * document-number forms the table looks up, two formats (.txt in UTF-8 and GBK, .html) and several provinces.
     */
    public static void corpus(Path into) {
        for (String from : List.of("corpus", "src/test/resources/fixtures", "src/test/resources/layouts")) {
            SearchTestSupport.copyFiles(Path.of(from), into, ".txt", ".html");
        }
    }
}
