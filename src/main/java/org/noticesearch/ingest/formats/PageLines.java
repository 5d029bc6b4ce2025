package org.noticesearch.ingest.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes page furniture out of the lines of a paged document (PDF, OFD): page numbers (— 1 —, -2-, 第3页 共5页) at the
 * top or bottom of a page, and a running header or footer repeated on most pages. What is taken out is returned apart.
 */
final class PageLines {
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[\\s\\-—–－一_·.]*(?:\\d{1,4}|第\\s*\\d{1,4}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4})[\\s\\-—–－一_·.]*$");

    private PageLines() {}

    /** The pages' lines joined into one text, and the furniture lines taken out. */
    record Result(String text, List<String> furniture) {}

    static Result join(List<List<String>> pages) {
        List<List<String>> kept = new ArrayList<>();
        List<String> furniture = new ArrayList<>();
        for (List<String> page : pages) {
            List<String> lines = new ArrayList<>(page.stream().filter(l -> !l.isBlank()).toList());
            while (!lines.isEmpty() && isPageNumber(lines.get(lines.size() - 1))) {
                furniture.add(lines.remove(lines.size() - 1).strip());
            }
            while (!lines.isEmpty() && isPageNumber(lines.get(0))) {
                furniture.add(lines.remove(0).strip());
            }
            kept.add(lines);
        }
        if (kept.size() >= 3) {
            removeRunning(kept, furniture, true);
            removeRunning(kept, furniture, false);
        }
        StringBuilder out = new StringBuilder();
        for (List<String> page : kept) {
            for (String l : page) {
                out.append(l).append('\n');
            }
        }
        return new Result(out.toString(), furniture);
    }

    static boolean isPageNumber(String line) {
        return PAGE_NUMBER.matcher(line.strip()).matches();
    }

    /** A first (or last) line that, digits aside, is the same on more than half the pages is a running header (footer). */
    private static void removeRunning(List<List<String>> pages, List<String> furniture, boolean top) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> p : pages) {
            if (!p.isEmpty()) {
                counts.merge(key(top ? p.get(0) : p.get(p.size() - 1)), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() * 2 > pages.size() && e.getKey().length() >= 2) {
                for (List<String> p : pages) {
                    if (!p.isEmpty() && key(top ? p.get(0) : p.get(p.size() - 1)).equals(e.getKey())) {
                        furniture.add((top ? p.remove(0) : p.remove(p.size() - 1)).strip());
                    }
                }
            }
        }
    }

    private static String key(String line) {
        return line.replaceAll("\\d+", "#").replaceAll("\\s+", "");
    }
}
