package org.noticesearch.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.IssuerDirectory;
import org.noticesearch.config.Settings;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.DocNumber;
import org.noticesearch.ingest.DocNumbers;

/**
 * Turns the query language into Lucene queries. Whether a notice matches is decided on the gram
 * fields alone (exact substring); a match in the title adds a constant, and the smartcn words give
 * the rest of the score. It also reports the strings to highlight.
 */
public final class QueryFactory {
    /** Score boosts of the document-number clauses: the numbered notice first, then the notices that cite it. */
    static final float DOCNUM_BOOST = 1000f;
    static final float CITED_BOOST = 100f;
    static final float AGENCY_BOOST = 50f;

    private final Analysis analysis;
    private final Settings settings;
    private final QueryBuilder wordQueries;
    private final IssuerDirectory issuers;

    /** With the issuer list, so that {@code issuer:} in a query takes an alias or a short form (全国妇联 → 中华全国妇女联合会). */
    public QueryFactory(Analysis analysis, Settings settings, IssuerDirectory issuers) {
        this.analysis = analysis;
        this.settings = settings;
        this.wordQueries = new QueryBuilder(analysis.words());
        this.issuers = issuers;
    }

    /** A query with the strings its matches should be highlighted by. */
    public record Built(Query query, List<String> needles, boolean hasTextTerms) {}

    /**
     * The exact (main) query, within the query's scope; it matches everything when the query is empty: {@link Scope#TITLE} looks for every text term in the title alone
     * (as {@code title:} does for one term); {@link Scope#DOC_NUMBER} takes the whole query as a 发文字号, a series or an
     * agency code and matches the notices numbered so, not the ones citing them. {@code known} says which series and
     * agency codes the index holds (null: none).
     */
    public Built exact(UserQuery uq, TermLookup lookup) {
        TermLookup known = lookup == null ? TermLookup.NONE : lookup;
        Scope scope = uq.scope();
        String query = uq.text();
        if (query.isEmpty()) {
            return new Built(MatchAllDocsQuery.INSTANCE, List.of(), false);
        }
        if (scope == Scope.DOC_NUMBER) {
            try {
                return new Built(new ConstantScoreQuery(docNumberFilter(query, known)), List.of(), false);
            } catch (BadRequestException e) {
                // The same reason, said of the query: 按文号搜索（scope=docNumber）时，“巾帼”不是发文字号…
                String reason = e.getMessage().substring(BadRequestException.label(e.parameter()).length() + 1);
                throw new BadRequestException("q", "按文号搜索（scope=docNumber）时，" + reason);
            }
        }
        if (scope != Scope.TITLE) {
            // A whole query that is a document number, written any way, even with spaces inside.
            Optional<DocNumber> whole = uq.number();
            if (whole.isPresent()) {
                return new Built(docNumberQuery(whole.get()), List.of(), false);
            }
            Optional<DocNumber> prefix = agencyYear(query, known);
            if (prefix.isPresent()) {
                return new Built(docPrefixQuery(prefix.get()), List.of(), false);
            }
        }
        QuerySyntax.Parsed parsed = uq.terms();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<String> needles = new LinkedHashSet<>();
        boolean anyPositive = false;
        boolean hasText = false;
        for (List<QuerySyntax.Term> group : parsed.groups()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int clauses = 0;
            for (QuerySyntax.Term t : group) {
                Query tq = termQuery(t, known, needles);
                if (tq != null) {
                    any.add(tq, Occur.SHOULD);
                    clauses++;
                    hasText |= t.field() != QuerySyntax.Field.ISSUER && !isDocNumber(t);
                }
            }
            if (clauses > 0) {
                b.add(clauses == 1 ? any.build().clauses().get(0).query() : any.build(), Occur.MUST);
                anyPositive = true;
            }
        }
        boolean anyExcluded = false;
        for (QuerySyntax.Term t : parsed.excluded()) {
            Query tq = termQuery(t, known, new LinkedHashSet<>());
            if (tq != null) {
                b.add(tq, Occur.MUST_NOT);
                anyExcluded = true;
            }
        }
        if (!anyPositive && !anyExcluded) {
            // Terms were typed but none has a letter, digit or ideograph (“《》”, “，”): there is nothing to look
            // for, and answering with every notice, as for an empty query, would read as a match.
            return new Built(new MatchNoDocsQuery("no letter, digit or ideograph in the query"), List.of(), false);
        }
        if (!anyPositive) {
            b.add(MatchAllDocsQuery.INSTANCE, Occur.MUST); // only exclusions: everything but them
        }
        return new Built(b.build(), List.copyOf(needles), hasText);
    }

    private static boolean isDocNumber(QuerySyntax.Term t) {
        return t.field() == QuerySyntax.Field.ANY && !t.quoted() && DocNumbers.parse(t.text()).isPresent();
    }

    /**
     * The issuer an {@code issuer:} term names: a listed name or alias, or a place and an office, resolved as the
     * parser resolves 发文机关 lines; otherwise the text as typed. Matched on the issuer facet's drill-down term, the
     * same term the issuer filter uses.
     */
    private Query issuerQuery(String text) {
        String name = text.strip();
        if (issuers != null) {
            name = issuers.lookup(name).or(() -> issuers.resolve(text)).map(Issuer::canonical).orElse(name);
        }
        return new ConstantScoreQuery(new TermQuery(DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, NoticeFields.ISSUER, name)));
    }

    /**
     * The relaxed query used when the exact one finds nothing: every smartcn word of the query's text terms must occur
     * somewhere in the title or body (title words alone for title terms; issuer terms stay exact filters). Null when
     * there is nothing to relax.
     */
    public Built relaxed(UserQuery uq) {
        if (uq.scope() == Scope.DOC_NUMBER) {
            return null;
        }
        QuerySyntax.Parsed parsed = uq.terms();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<String> words = new LinkedHashSet<>();
        Set<String> titleWords = new LinkedHashSet<>();
        for (QuerySyntax.Term t : parsed.positiveTerms()) {
            if (isDocNumber(t)) {
                continue;
            }
            switch (t.field()) {
                case ANY -> words.addAll(analysis.wordsOf(t.text()));
                case TITLE -> titleWords.addAll(analysis.wordsOf(t.text()));
                case ISSUER -> b.add(issuerQuery(t.text()), Occur.FILTER);
            }
        }
        words.removeIf(w -> Snippets.normalize(w).isEmpty());
        titleWords.removeIf(w -> Snippets.normalize(w).isEmpty());
        if (words.isEmpty() && titleWords.isEmpty()) {
            return null;
        }
        for (String w : words) {
            b.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(NoticeFields.TITLE_WORDS, w)), settings.titleBoost()), Occur.SHOULD)
                    .add(new TermQuery(new Term(NoticeFields.BODY_WORDS, w)), Occur.SHOULD)
                    .build(), Occur.MUST);
        }
        for (String w : titleWords) {
            b.add(new BoostQuery(new TermQuery(new Term(NoticeFields.TITLE_WORDS, w)), settings.titleBoost()), Occur.MUST);
        }
        words.addAll(titleWords);
        for (QuerySyntax.Term t : parsed.excluded()) {
            if (t.field() == QuerySyntax.Field.ISSUER) {
                b.add(issuerQuery(t.text()), Occur.MUST_NOT);
                continue;
            }
            Query tq = exactText(List.of(t.text()), t.field() == QuerySyntax.Field.TITLE);
            if (tq != null) {
                b.add(tq, Occur.MUST_NOT);
            }
        }
        return new Built(b.build(), List.copyOf(words), true);
    }

    private Query termQuery(QuerySyntax.Term t, TermLookup known, Set<String> needles) {
        if (t.field() == QuerySyntax.Field.ISSUER) {
            return issuerQuery(t.text());
        }
        boolean titleOnly = t.field() == QuerySyntax.Field.TITLE;
        if (!t.quoted() && !titleOnly) {
            Optional<DocNumber> dn = DocNumbers.parse(t.text());
            if (dn.isPresent()) {
                return docNumberQuery(dn.get());
            }
            Optional<DocNumber> prefix = agencyYear(t.text(), known);
            if (prefix.isPresent()) {
                return docPrefixQuery(prefix.get());
            }
        }
        List<String> variants = t.quoted() ? List.of(t.text()) : analysis.synonymsOf(t.text());
        Query exact = exactText(variants, titleOnly);
        if (exact == null) {
            return null;
        }
        needles.addAll(variants);
        // The exact text only decides the match: as a filter it is not scored, and deciding that a phrase occurs stops
        // at its first occurrence, where counting its occurrences for a score would read the positions of every match
        // (a common three-character word: 13 → 4 ms at 100,000 notices). A match in the title adds a constant, so title
        // matches rank first; the word clauses below give the frequencies.
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(exact, Occur.FILTER);
        Query inTitle = titleOnly ? exact : exactText(variants, true);
        b.add(new BoostQuery(new ConstantScoreQuery(inTitle), settings.titleBoost()), Occur.SHOULD);
        // A match that is a whole smartcn word ranks above one inside a longer word. The word fields have no positions
        // (they cost a third of the words' postings for this boost alone): the boost asks for all of the term's words,
        // in any order, rather than for them in a row. The gram clause has already required the exact text, so a
        // notice that has all of them almost always has them where the text matched; SHOULD with a minimum would
        // also boost a notice that has the text only inside longer words, which is what the boost is there to tell apart.
        for (String v : variants) {
            Query words = titleOnly ? null : wholeWords(NoticeFields.BODY_WORDS, v);
            if (words != null) {
                b.add(new BoostQuery(words, settings.wordBoost()), Occur.SHOULD);
            }
            Query titleWords = wholeWords(NoticeFields.TITLE_WORDS, v);
            if (titleWords != null) {
                b.add(new BoostQuery(titleWords, settings.wordBoost() * settings.titleBoost()), Occur.SHOULD);
            }
        }
        Query textQuery = b.build();
        // An agency code typed alone (渝妇发) also lists the notices numbered with it.
        if (!t.quoted() && !titleOnly && known.exists(NoticeFields.DOCNUM_AGENCY, t.text())) {
            return new BooleanQuery.Builder()
                    .add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(NoticeFields.DOCNUM_AGENCY, t.text()))), AGENCY_BOOST), Occur.SHOULD)
                    .add(textQuery, Occur.SHOULD)
                    .build();
        }
        return textQuery;
    }

    /** The term's smartcn words, all of them (a TermQuery for one word), in a word field; null when it has none. */
    private Query wholeWords(String field, String text) {
        return wordQueries.createBooleanQuery(field, text, Occur.MUST);
    }

    /**
     * Exact substring in title or body (in the title alone when {@code titleOnly}) for any of the variants; null when no
     * variant has a letter, digit or ideograph. Used unscored (see {@link #termQuery}).
     */
    Query exactText(List<String> variants, boolean titleOnly) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int n = 0;
        for (String v : variants) {
            String norm = Snippets.normalize(v);
            if (norm.isEmpty()) {
                continue;
            }
            any.add(gramQuery(NoticeFields.TITLE_GRAMS, norm), Occur.SHOULD);
            if (!titleOnly) {
                any.add(gramQuery(NoticeFields.BODY_GRAMS, norm), Occur.SHOULD);
            }
            n++;
        }
        return n == 0 ? null : any.build();
    }

    /**
     * The gram-field query for a normalised string: a prefix query for one character (every character
     * starts exactly one token), else a phrase of the bigrams at every other position plus the last one.
     * Those cover every character, and the position gap the tokenizer leaves after a paragraph break
     * keeps such a phrase from matching across it (see {@link org.noticesearch.analysis.GramTokenizer}),
     * so it is as exact as the phrase of every bigram with half the terms to check.
     */
    public static Query gramQuery(String field, String norm) {
        int[] cps = norm.codePoints().toArray();
        if (cps.length == 1) {
            return new PrefixQuery(new Term(field, norm));
        }
        PhraseQuery.Builder pb = new PhraseQuery.Builder();
        int last = cps.length - 2;
        for (int i = 0; i < last; i += 2) {
            pb.add(new Term(field, new String(cps, i, 2)), i);
        }
        pb.add(new Term(field, new String(cps, last, 2)), last);
        return pb.build();
    }

    /**
     * The numbered notice first (by a large constant score), then the notices that cite it. The number is looked up
     * in each shape it may be indexed in ({@link DocNumbers#alternatives}): 国家税务总局公告〔2018〕13号 typed with
     * brackets still finds the notice numbered 国家税务总局公告2018年第13号.
     */
    public static Query docNumberQuery(DocNumber dn) {
        return numberedThenCiting(NoticeFields.DOCNUM, NoticeFields.CITED_DOCNUM, keys(dn));
    }

    /** The notices with one of the keys in {@code own} (by a large constant score), then those with one in {@code cited}. */
    private static Query numberedThenCiting(String own, String cited, List<String> keys) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String key : keys) {
            b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(own, key))), DOCNUM_BOOST), Occur.SHOULD)
                    .add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(cited, key))), CITED_BOOST), Occur.SHOULD);
        }
        return b.build();
    }

    /** The canonical strings of a number (or series) in every shape it may be indexed in, its own first. */
    static List<String> keys(DocNumber dn) {
        return DocNumbers.alternatives(dn).stream().map(DocNumber::canonical).distinct().toList();
    }

    /**
     * Every notice whose number starts with the agency (and year, if given); with a year, then the notices
     * that cite a number of that series.
     */
    public static Query docPrefixQuery(DocNumber prefix) {
        if (prefix.year() == null) {
            return new ConstantScoreQuery(new TermQuery(new Term(NoticeFields.DOCNUM_AGENCY, prefix.agency())));
        }
        return numberedThenCiting(NoticeFields.DOCNUM_PREFIX, NoticeFields.CITED_PREFIX, keys(prefix));
    }

    /** The explicit {@code docNumber} filter: a whole number, agency + year, or an agency code. */
    public static Query docNumberFilter(String value, TermLookup known) {
        Optional<DocNumber> whole = DocNumbers.parse(value);
        if (whole.isPresent()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            keys(whole.get()).forEach(key -> any.add(new TermQuery(new Term(NoticeFields.DOCNUM, key)), Occur.SHOULD));
            return any.build();
        }
        Optional<DocNumber> prefix = DocNumbers.parseAgencyYear(value);
        if (prefix.isPresent()) {
            return docPrefixQuery(prefix.get());
        }
        // An agency code alone cannot be told from a word by its form (渝妇办, 巾帼): the index says whether any notice
        // is numbered with it, as for a series typed in the query.
        String agency = value.strip();
        Term agencyTerm = new Term(NoticeFields.DOCNUM_AGENCY, agency);
        if (agency.codePoints().allMatch(org.noticesearch.ingest.TextNormalizer::isHan) && agency.length() >= 2
                && known.exists(NoticeFields.DOCNUM_AGENCY, agency)) {
            return new TermQuery(agencyTerm);
        }
        throw new BadRequestException("docNumber", "“" + value + "”不是发文字号，也不是本库公文用过的机关代字：请写完整文号（如 鲁妇通字〔2020〕6号、"
                + "国家税务总局公告2018年第13号、国令第707号）、机关代字加年份（渝妇发〔2020〕）或机关代字（渝妇发）");
    }

    /**
     * When the request is a series search, the notices numbered in that series (their own number, not a citation);
     * else null. A series search is one whose whole query, or whose {@code docNumber} filter with no query, is an
     * agency code (渝妇办) or an agency code with a year (渝妇发〔2020〕); a whole number or a text search is not.
     */
    public static Query seriesMembers(SearchRequest r, TermLookup known) {
        String q = r.query();
        String series = !q.isEmpty() && r.docNumber() == null ? q : q.isEmpty() ? r.docNumber() : null;
        if (series == null || DocNumbers.parse(series).isPresent()) {
            return null;
        }
        Optional<DocNumber> prefix = DocNumbers.parseAgencyYear(series);
        if (prefix.isPresent()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int n = 0;
            for (String key : keys(prefix.get())) {
                if (known.exists(NoticeFields.DOCNUM_PREFIX, key)) {
                    any.add(new TermQuery(new Term(NoticeFields.DOCNUM_PREFIX, key)), Occur.SHOULD);
                    n++;
                }
            }
            return n == 0 ? null : any.build();
        }
        String agency = series.strip();
        Term t = new Term(NoticeFields.DOCNUM_AGENCY, agency);
        return known.exists(NoticeFields.DOCNUM_AGENCY, agency) ? new TermQuery(t) : null;
    }

    /**
     * The same matches as {@code main}, scored 2 when numbered in the series and 1 otherwise, so that a sort on the
     * score, then {@link NoticeFields#DOCNUM_ORDER}, lists the series by year and serial and then the rest.
     */
    public static Query membersFirst(Query main, Query members) {
        return new BooleanQuery.Builder()
                .add(new ConstantScoreQuery(main), Occur.MUST)
                .add(new ConstantScoreQuery(members), Occur.SHOULD)
                .build();
    }

    /**
     * The date range: notices dated within it, plus notices with only a year when the range covers that
     * whole year. A notice with no date is never given one.
     */
    public static Query dateFilter(DateBound from, DateBound to) {
        int lo = from == null ? Integer.MIN_VALUE : from.ymd();
        int hi = to == null ? Integer.MAX_VALUE : to.ymd();
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(IntPoint.newRangeQuery(NoticeFields.DATE, lo, hi), Occur.SHOULD);
        int firstWholeYear = from == null ? Integer.MIN_VALUE
                : from.day().getDayOfYear() == 1 ? from.day().getYear() : from.day().getYear() + 1;
        int lastWholeYear = to == null ? Integer.MAX_VALUE
                : to.day().getDayOfYear() == to.day().lengthOfYear() ? to.day().getYear() : to.day().getYear() - 1;
        if (firstWholeYear <= lastWholeYear) {
            b.add(IntPoint.newRangeQuery(NoticeFields.UNDATED_YEAR, firstWholeYear, lastWholeYear), Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * A partial number with a year (渝妇发〔2020〕, 渝妇发 2020, 国家税务总局公告2018年), when the index holds a notice numbered or
     * citing a number in that series; otherwise the text stays a text query, so 脱贫2020 or 疫情防控（2020）
     * still find the notices that contain them.
     */
    private static Optional<DocNumber> agencyYear(String text, TermLookup known) {
        Optional<DocNumber> p = DocNumbers.parseAgencyYear(text);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        for (String series : keys(p.get())) {
            if (known.exists(NoticeFields.DOCNUM_PREFIX, series) || known.exists(NoticeFields.CITED_PREFIX, series)) {
                return p;
            }
        }
        return Optional.empty();
    }
}
