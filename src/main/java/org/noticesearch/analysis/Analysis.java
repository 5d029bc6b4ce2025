package org.noticesearch.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.noticesearch.config.ConfigException;
import org.noticesearch.config.IndexConfig;

/**
 * The analyzers, built only from {@code index-config/}: smartcn words (ranking, relaxed matching and
 * similar notices), character bigrams (exact-substring recall) and query-time synonyms. Which field gets which is the
 * index schema's business ({@code index/IndexField}), not this package's.
 */
public final class Analysis implements AutoCloseable {
    private final Analyzer words;
    private final Analyzer grams;
    private final Analyzer synonymAnalyzer;

    public Analysis(IndexConfig config) {
        CharArraySet stop = new CharArraySet(config.stopwords(), false);
        stop.addAll(SmartChineseAnalyzer.getDefaultStopSet());
        this.words = new SmartChineseAnalyzer(stop);
        this.grams = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new GramTokenizer());
            }
        };
        SynonymMap map = parseSynonyms(config);
        this.synonymAnalyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new KeywordTokenizer();
                TokenStream ts = map == null ? t : new SynonymGraphFilter(t, map, true);
                return new TokenStreamComponents(t, ts);
            }
        };
    }

    private static SynonymMap parseSynonyms(IndexConfig config) {
        // Each entry is one whole query term, so entries are parsed as single keyword tokens.
        Analyzer keyword = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new KeywordTokenizer());
            }
        };
        SolrSynonymParser parser = new SolrSynonymParser(true, true, keyword);
        try {
            parser.parse(new StringReader(config.synonyms()));
            SynonymMap map = parser.build();
            return map.fst == null ? null : map;
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new ConfigException(config.dir().resolve(IndexConfig.SYNONYMS) + ": " + e.getMessage()
                    + (e instanceof ParseException pe ? " (line " + pe.getErrorOffset() + ")" : ""), e);
        }
    }

    public Analyzer words() {
        return words;
    }

    public Analyzer grams() {
        return grams;
    }

    /** The term and its synonyms, the term first; a term with no synonyms gives itself. */
    public List<String> synonymsOf(String term) {
        Set<String> out = new LinkedHashSet<>();
        out.add(term);
        out.addAll(tokens(synonymAnalyzer, term));
        return List.copyOf(out);
    }

    /** smartcn words of a text, in order (stopwords removed). */
    public List<String> wordsOf(String text) {
        return tokens(words, text);
    }

    /** Tokens with their offsets, for tests and for highlighting relaxed matches. */
    public static List<String> tokens(Analyzer a, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(t.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException("analysing a string in memory cannot fail", e);
        }
        return out;
    }

    @Override
    public void close() {
        words.close();
        grams.close();
        synonymAnalyzer.close();
    }
}
