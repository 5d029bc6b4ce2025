package org.noticesearch;

import java.io.PrintWriter;
import org.noticesearch.search.SearchHit;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.Snippets;

/** Prints a result page for people, searched with {@link #markup}: plain text, no HTML to undo. */
final class TerminalPrinter {
    private TerminalPrinter() {}

    /** Matches in colour on a terminal, in 【brackets】 elsewhere. */
    static Snippets.Markup markup(boolean colour) {
        return colour ? Snippets.Markup.plain("\033[1;33m", "\033[0m") : Snippets.Markup.plain("【", "】");
    }

    static void print(SearchPage page, PrintWriter out) {
        out.printf("%s%d hit(s)%s for \"%s\"%s (page %d, %d ms)%n", page.totalIsExact() ? "" : "at least ", page.total(),
                "", page.query(), page.relaxed() ? " [relaxed: no exact match, showing notices with all the words]" : "",
                page.page(), page.tookMs());
        int n = (page.page() - 1) * page.size();
        for (SearchHit h : page.hits()) {
            out.println();
            out.printf("%d. %s%n", ++n, h.titleHtml());
            out.printf("   %s | %s | %s | %s | %s%n", orDash(h.issuer()), orDash(h.docNumber()),
                    h.date() != null ? h.date() : h.year() != null ? h.year() + "" : "-", orDash(h.type()), h.id());
            for (String s : h.snippets()) {
                out.println("   " + s);
            }
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
