package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;

/**
 * Turns the Lucene queries that {@link org.noticesearch.search.QueryFactory} builds into OpenSearch query DSL,
 * clause for clause, so that the query semantics (exact substring, synonyms, document numbers, boosts, date
 * ranges) are defined once, in the search package, for both backends.
 *
 * <p>A phrase keeps its exact term positions: its terms are sent to {@code match_phrase} through the
 * {@value OpenSearchIndexDefinition#PRETOKENIZED} analyzer, with a {@value OpenSearchIndexDefinition#GAP} marker
 * for every skipped position (QueryFactory's gram phrases use every other bigram).
 */
public final class QueryTranslator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private QueryTranslator() {}

    /** The DSL for a query; an {@link IllegalArgumentException} for a query type it does not know. */
    public static ObjectNode translate(Query q) {
        return translate(q, 1f);
    }

    private static ObjectNode translate(Query q, float boost) {
        if (q instanceof BoostQuery bq) {
            return translate(bq.getQuery(), boost * bq.getBoost());
        }
        ObjectNode out = F.objectNode();
        if (q instanceof BooleanQuery b) {
            ObjectNode bool = out.putObject("bool");
            for (BooleanClause c : b.clauses()) {
                String occur = switch (c.occur()) {
                    case MUST -> "must";
                    case SHOULD -> "should";
                    case FILTER -> "filter";
                    case MUST_NOT -> "must_not";
                };
                ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
                list.add(translate(c.query(), 1f));
            }
            boolean onlyShould = b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD
                    || c.occur() == BooleanClause.Occur.MUST_NOT);
            if (b.getMinimumNumberShouldMatch() > 0) {
                bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
            } else if (onlyShould && bool.has("should")) {
                // Lucene: a query of SHOULD clauses alone needs one of them; say so rather than rely on a default.
                bool.put("minimum_should_match", 1);
            } else if (!bool.has("should") && !bool.has("must") && !bool.has("filter")) {
                // Lucene matches nothing with only MUST_NOT clauses.
                bool.putArray("must").addObject().putObject("match_none");
            }
            boost(bool, boost);
        } else if (q instanceof ConstantScoreQuery cs) {
            ObjectNode c = out.putObject("constant_score");
            c.set("filter", translate(cs.getQuery(), 1f));
            boost(c, boost);
        } else if (q instanceof TermQuery tq && tq.getTerm().field().equals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME)) {
            // A facet drill-down term (dimension and value in one Lucene term, as issuer: queries use): OpenSearch
            // indexes each dimension as its own keyword field.
            String[] path = FacetsConfig.stringToPath(tq.getTerm().text());
            if (path.length != 2) {
                throw new IllegalArgumentException("a drill-down term of " + path.length + " parts cannot be translated: " + q);
            }
            ObjectNode v = out.putObject("term").putObject(path[0]).put("value", path[1]);
            boost(v, boost);
        } else if (q instanceof TermQuery tq) {
            Term t = tq.getTerm();
            ObjectNode v = out.putObject("term").putObject(t.field()).put("value", t.text());
            boost(v, boost);
        } else if (q instanceof TermInSetQuery ts) {
            ArrayNode values = out.putObject("terms").putArray(ts.getField());
            try {
                BytesRefIterator it = ts.getBytesRefIterator();
                for (BytesRef b = it.next(); b != null; b = it.next()) {
                    values.add(b.utf8ToString());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e); // an in-memory term set
            }
            if (boost != 1f) {
                ((ObjectNode) out.get("terms")).put("boost", boost);
            }
        } else if (q instanceof PrefixQuery pq) {
            Term t = pq.getPrefix();
            ObjectNode v = out.putObject("prefix").putObject(t.field()).put("value", t.text());
            boost(v, boost);
        } else if (q instanceof PhraseQuery pq) {
            Term[] terms = pq.getTerms();
            int[] positions = pq.getPositions();
            if (terms.length == 0) {
                out.putObject("match_none");
                return out;
            }
            StringBuilder text = new StringBuilder();
            int at = 0;
            for (int i = 0; i < terms.length; i++) {
                if (i > 0 && positions[i] == positions[i - 1]) {
                    throw new IllegalArgumentException("a phrase with two terms at one position cannot be translated: " + pq);
                }
                for (; at < positions[i]; at++) {
                    text.append(OpenSearchIndexDefinition.GAP).append(' ');
                }
                text.append(terms[i].text()).append(' ');
                at = positions[i] + 1;
            }
            ObjectNode v = out.putObject("match_phrase").putObject(pq.getField())
                    .put("query", text.toString().strip())
                    .put("analyzer", OpenSearchIndexDefinition.PRETOKENIZED)
                    .put("slop", pq.getSlop());
            boost(v, boost);
        } else if (q instanceof MatchAllDocsQuery) {
            boost(out.putObject("match_all"), boost);
        } else if (q instanceof MatchNoDocsQuery) {
            out.putObject("match_none");
        } else if (q instanceof PointRangeQuery pr && pr.getNumDims() == 1) {
            ObjectNode v = out.putObject("range").putObject(pr.getField());
            if (pr.getBytesPerDim() == Integer.BYTES) {
                v.put("gte", IntPoint.decodeDimension(pr.getLowerPoint(), 0)).put("lte", IntPoint.decodeDimension(pr.getUpperPoint(), 0));
            } else if (pr.getBytesPerDim() == Long.BYTES) {
                v.put("gte", LongPoint.decodeDimension(pr.getLowerPoint(), 0)).put("lte", LongPoint.decodeDimension(pr.getUpperPoint(), 0));
            } else {
                throw new IllegalArgumentException("a point range of " + pr.getBytesPerDim() + " bytes cannot be translated: " + pr);
            }
            boost(v, boost);
        } else {
            throw new IllegalArgumentException("no OpenSearch translation for " + q.getClass().getName() + ": " + q);
        }
        return out;
    }

    private static void boost(ObjectNode node, float boost) {
        if (boost != 1f) {
            node.put("boost", boost);
        }
    }
}
