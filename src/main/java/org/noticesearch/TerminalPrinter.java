package org.noticesearch;

import java.io.PrintWriter;
import org.noticesearch.util.Html;
import org.noticesearch.search.SearchHit;
import org.noticesearch.search.SearchPage;

/** Prints a result page for people: marks become colour on a terminal and 【brackets】 elsewhere. */
final class TerminalPrinter {
    private TerminalPrinter() {}

    static void print(SearchPage page, PrintWriter out, boolean colour) {
        out.printf("%s%d hit(s)%s for \"%s\"%s (page %d, %d ms)%n", page.totalIsExact() ? "" : "at least ", page.total(),
                "", page.query(), page.relaxed() ? " [relaxed: no exact match, showing notices with all the words]" : "",
                page.page(), page.tookMs());
        int n = (page.page() - 1) * page.size();
        for (SearchHit h : page.hits()) {
            out.println();
            out.printf("%d. %s%n", ++n, text(h.titleHtml(), colour));
            out.printf("   %s | %s | %s | %s | %s%n", orDash(h.issuer()), orDash(h.docNumber()),
                    h.date() != null ? h.date() : h.year() != null ? h.year() + "" : "-", orDash(h.type()), h.id());
            for (String s : h.snippets()) {
                out.println("   " + text(s, colour));
            }
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String text(String html, boolean colour) {
        String open = colour ? "\033[1;33m" : "【";
        String close = colour ? "\033[0m" : "】";
        return Html.unescape(html.replace("<mark>", "\u0001").replace("</mark>", "\u0002"))
                .replace("\u0001", open).replace("\u0002", close);
    }
}
