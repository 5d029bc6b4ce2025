package org.noticesearch.search;

import java.util.ArrayList;
import java.util.List;
import org.noticesearch.config.Settings;
import org.noticesearch.ingest.DocNumber;
import org.noticesearch.ingest.DocNumbers;
import org.noticesearch.ingest.Notice;

/**
 * Turns a matching notice into a {@link SearchHit}: what to highlight, the highlighted title and the snippets.
 * Shared by every engine, so a hit looks the same whichever engine found it.
 */
public final class Hits {
    private final Snippets snippets;

    public Hits(Settings settings) {
        this.snippets = new Snippets(settings.snippetCount(), settings.snippetLength());
    }

    /** What to highlight: the query's strings, and a document number the query names (as cited in the body). */
    public static List<String> needles(UserQuery query, QueryFactory.Built used) {
        List<String> out = new ArrayList<>(used.needles());
        query.number().ifPresent(dn -> addNumber(out, dn));
        for (QuerySyntax.Term t : query.terms().positiveTerms()) {
            if (!t.quoted()) {
                DocNumbers.parse(t.text()).ifPresent(dn -> addNumber(out, dn));
            }
        }
        return out;
    }

    /** A number in every shape a notice may cite it in: 〔1996〕武司字第82号 as well as 武司字〔1996〕82号. */
    private static void addNumber(List<String> out, DocNumber dn) {
        List<String> shapes = new ArrayList<>();
        for (DocNumber d : DocNumbers.alternatives(dn)) {
            shapes.add(d.canonical());
        }
        if (dn.year() != null && dn.serial() != null && (dn.form() == DocNumber.Form.SERIAL || dn.form() == DocNumber.Form.YEAR_FIRST)) {
            shapes.add(new DocNumber(dn.agency(), dn.year(), dn.serial(), DocNumber.Form.YEAR_FIRST, null).written());
        }
        for (String s : shapes) {
            if (!out.contains(s)) {
                out.add(s);
            }
        }
    }

    /** The hit for a matching notice, its title and snippets marked up as {@code markup} says. */
    public SearchHit hit(Notice n, List<String> needles, Snippets.Markup markup) {
        return new SearchHit(n.id(), n.title(), Snippets.highlight(n.title() == null ? "" : n.title(), needles, markup),
                n.issuer(), n.docNumber(), n.date(), n.year(), n.type(),
                snippets.passages(n.searchableParagraphs(), needles, n.paragraphs(), markup));
    }
}
