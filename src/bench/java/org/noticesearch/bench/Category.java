package org.noticesearch.bench;

/** Query categories, after luceneutil's tasks: each stresses one part of a search. */
enum Category {
    COMMON("common word", "a frequent seed word: many matches, BM25 top 10"),
    RARE("rare word", "a generated place name from the Zipf tail: a handful of matches"),
    PHRASE("long phrase", "10–16 characters cut from a generated body: a long exact phrase"),
    TWO_TERMS("two terms", "a common and a mid-frequency word, both required"),
    DOC_NUMBER("document number", "a whole 发文字号: the notice and the notices citing it"),
    ISSUER_KEYWORD("issuer filter + keyword", "issuer=… and a common word"),
    DATE_SORTED("date range, newest first", "from=2015-01-01&to=2018-12-31&sort=newest with a common word"),
    FACETS("facets (browse all)", "empty query: every notice matches, facets counted over all of them"),
    HIGHLIGHT("highlighting, 50 hits", "size=50: snippets cut for 50 long notices");

    final String title;
    final String description;

    Category(String title, String description) {
        this.title = title;
        this.description = description;
    }
}
