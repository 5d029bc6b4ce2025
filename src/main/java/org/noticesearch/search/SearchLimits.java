package org.noticesearch.search;

/**
 * Every fixed limit of the search, in one place, the same for each engine. What a deployment may tune lives in
 * {@link org.noticesearch.config.Settings} ({@code index-config/settings}); these are the product's own choices.
 */
public final class SearchLimits {
    private SearchLimits() {}

    /** Hits per page unless the request says otherwise. */
    public static final int DEFAULT_SIZE = 10;
    /** How many values each facet lists unless the request asks for more ({@code facetLimit}). */
    public static final int FACET_LIMIT = 20;
    /** The most a request may ask for: more than any facet of the corpus has today (about 600 campaigns). */
    public static final int MAX_FACET_LIMIT = 2000;
    /** Notices listed as citing a notice. */
    public static final int CITED_BY_LIMIT = 100;
    /** Notices listed as similar to a notice. */
    public static final int SIMILAR_LIMIT = 10;
    /** Title matches read to find a cited notice by its exact title. */
    public static final int CITATION_TITLE_CANDIDATES = 20;
    /** Hits an all-hits export asks the engine for at a time, each batch continuing after the last. */
    public static final int EXPORT_CHUNK = 2000;
    /**
     * Summaries a walk over all matches (diffusion) asks for at a time: each batch runs the query again, so batches are
     * large; OpenSearch answers at most 10,000 hits per request (its index.max_result_window).
     */
    public static final int SUMMARY_CHUNK = 10_000;
    /** Upper bound of the values an engine lists for one field (trend, suggestions, known series). */
    public static final int ALL_VALUES = 10_000;

    /** The MoreLikeThis parameters of similar notices, the same for each engine. */
    public static final Similarity SIMILARITY = new Similarity(2, 1, 60, 30, 2);

    /**
     * How similar notices are chosen from a notice's words: a word counts when it occurs at least {@code minTermFreq}
     * times in the notice and in at least {@code minDocFreq} and at most {@code maxDocFreqPct} per cent of the notices;
     * the {@code maxQueryTerms} most telling words of at least {@code minWordLen} characters are looked for.
     */
    public record Similarity(int minTermFreq, int minDocFreq, int maxDocFreqPct, int maxQueryTerms, int minWordLen) {}
}
