package org.noticesearch.search;

import java.util.Optional;
import org.noticesearch.ingest.DocNumber;
import org.noticesearch.ingest.DocNumbers;

/**
 * The query as the user typed it, parsed once per request: the stripped text, the scope it searches in, its terms
 * (already bound to the title when the scope is {@link Scope#TITLE}) and the document number the whole text is, if it
 * is one. The exact query, the relaxed query and the strings to highlight are all built from this one value.
 */
public record UserQuery(String text, Scope scope, QuerySyntax.Parsed terms, Optional<DocNumber> number) {

    /** Parses {@code q} (null or blank: the empty query, which matches everything) for a scope. */
    public static UserQuery parse(String q, Scope scope) {
        String text = q == null ? "" : q.strip();
        Scope s = scope == null ? Scope.ALL : scope;
        return new UserQuery(text, s, scoped(QuerySyntax.parse(text), s), DocNumbers.parse(text));
    }

    /** With scope=title, every term not already bound to a field looks in the title. */
    private static QuerySyntax.Parsed scoped(QuerySyntax.Parsed parsed, Scope scope) {
        if (scope != Scope.TITLE) {
            return parsed;
        }
        java.util.function.UnaryOperator<QuerySyntax.Term> toTitle = t -> t.field() == QuerySyntax.Field.ANY
                ? new QuerySyntax.Term(t.text(), t.quoted(), QuerySyntax.Field.TITLE) : t;
        return new QuerySyntax.Parsed(parsed.groups().stream().map(g -> g.stream().map(toTitle).toList()).toList(),
                parsed.excluded().stream().map(toTitle).toList());
    }
}
