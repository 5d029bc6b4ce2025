package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticesearch.search.QuerySyntax.Field;
import org.noticesearch.search.QuerySyntax.Term;

/** The query language's field syntax: title:/标题: and issuer:/发文机关:, with half- and full-width colons. */
class QuerySyntaxTest {
    @Test
    void fieldPrefixesBindTheTermThatFollows() {
        QuerySyntax.Parsed p = QuerySyntax.parse("title:巾帼 发文机关：全国妇联 脱贫");
        assertEquals(List.of(List.of(new Term("巾帼", false, Field.TITLE)), List.of(new Term("全国妇联", false, Field.ISSUER)),
                List.of(new Term("脱贫", false, Field.ANY))), p.groups());
    }

    @Test
    void chineseAndCaseInsensitivePrefixes() {
        assertEquals(List.of(new Term("巾帼", false, Field.TITLE)), QuerySyntax.parse("标题：巾帼").positiveTerms());
        assertEquals(List.of(new Term("巾帼", false, Field.TITLE)), QuerySyntax.parse("TITLE:巾帼").positiveTerms());
        assertEquals(List.of(new Term("全国妇联", false, Field.ISSUER)), QuerySyntax.parse("Issuer:全国妇联").positiveTerms());
    }

    @Test
    void quotedNegatedAndOredFieldTerms() {
        QuerySyntax.Parsed p = QuerySyntax.parse("title:\"巾帼 脱贫\" OR 春蕾 -issuer:全国妇联");
        assertEquals(List.of(List.of(new Term("巾帼 脱贫", true, Field.TITLE), new Term("春蕾", false, Field.ANY))), p.groups());
        assertEquals(List.of(new Term("全国妇联", false, Field.ISSUER)), p.excluded());
    }

    @Test
    void aPrefixWithNothingAfterItOrAnUnknownOneIsText() {
        assertEquals(List.of(new Term("title:", false, Field.ANY)), QuerySyntax.parse("title:").positiveTerms());
        assertEquals(List.of(new Term("title:", false, Field.ANY), new Term("巾帼", false, Field.ANY)),
                QuerySyntax.parse("title: 巾帼").positiveTerms());
        assertEquals(List.of(new Term("year:2020", false, Field.ANY)), QuerySyntax.parse("year:2020").positiveTerms());
        assertEquals(List.of(new Term("12:30", false, Field.ANY)), QuerySyntax.parse("12:30").positiveTerms());
    }
}
