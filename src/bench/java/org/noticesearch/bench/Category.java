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
    HIGHLIGHT("highlighting, 50 hits", "size=50: snippets cut for 50 long notices"),
    TITLE_SCOPE("title scope", "scope=title: the word in the most titles of a sample (2 and 3+ characters) and 4–8 character "
            + "substrings of titles; FTS5 restricted to its title column (MATCH for 3+ characters, title LIKE below)"),
    DIFFUSION("diffusion (adopters)", "the adopters of a campaign (`/api/diffusion`, `DiffusionService.adopters`; every match "
            + "read): the most used campaign matching 2,000–20,000 notices (2–20 % of them below 100,000: hundreds at 10,000), "
            + "as its text and as the campaign= filter; no FTS5 equivalent", false),
    TREE("forwarding tree", "the forwarding tree of the most cited notices (`/api/notices/{id}/tree`, `DiffusionService.tree`, "
            + "default limits); issue 15's target is < 20 ms; no FTS5 equivalent", false);

    final String title;
    final String description;
    /** Whether the FTS5 peer runs an equivalent (diffusion and trees have none). */
    final boolean peer;

    Category(String title, String description) {
        this(title, description, true);
    }

    Category(String title, String description, boolean peer) {
        this.title = title;
        this.description = description;
        this.peer = peer;
    }
}
