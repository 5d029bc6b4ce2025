package org.noticesearch.bench;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A word-level Markov chain over smartcn's segmentation of the seed paragraphs. Punctuation and other
 * characters between smartcn words are kept as tokens of their own, so generated text keeps the seed's
 * punctuation. Order 2 where the two-word context has a choice, order 1 where it has none: a context
 * seen once would otherwise copy the seed paragraph it came from word for word.
 */
final class MarkovModel {
    static final int START = 0;
    static final int END = 1;

    private static final String PAIRED = "“”‘’《》〔〕（）()【】[]「」\"'";

    private final List<String> vocab = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, Counts> order1 = new HashMap<>();
    private final Map<Long, Counts> order2 = new HashMap<>();
    private final int[] wordFreq;
    private long trainedTokens;

    /** Successors of a context with their counts, sampled by a walk over the cumulative counts. */
    private static final class Counts {
        final Map<Integer, Integer> counts = new HashMap<>();
        int[] next;
        int[] cumulative;

        void add(int id) {
            counts.merge(id, 1, Integer::sum);
        }

        void freeze() {
            next = new int[counts.size()];
            cumulative = new int[counts.size()];
            int i = 0;
            int sum = 0;
            // Sorted so that the sampled sequence does not depend on HashMap iteration order.
            for (var e : counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                sum += e.getValue();
                next[i] = e.getKey();
                cumulative[i] = sum;
                i++;
            }
        }

        int sample(RandomGenerator r) {
            int x = r.nextInt(cumulative[cumulative.length - 1]);
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return next[lo];
        }
    }

    private MarkovModel(List<String> paragraphs) {
        id("<p>");
        id("</p>");
        List<int[]> seqs = new ArrayList<>();
        for (String p : paragraphs) {
            List<String> toks = segment(p);
            // Paired marks would come out unbalanced and make the parser see titles and campaigns that are
            // not there; the generator adds 《》 and “” itself, balanced.
            toks.removeIf(t -> t.codePoints().allMatch(cp -> PAIRED.indexOf(cp) >= 0));
            if (toks.isEmpty()) {
                continue;
            }
            int[] seq = new int[toks.size() + 3];
            seq[0] = START;
            seq[1] = START;
            for (int i = 0; i < toks.size(); i++) {
                seq[i + 2] = id(toks.get(i));
            }
            seq[seq.length - 1] = END;
            seqs.add(seq);
            trainedTokens += toks.size();
        }
        int[] freq = new int[vocab.size()];
        for (int[] seq : seqs) {
            for (int i = 2; i < seq.length; i++) {
                freq[seq[i]]++;
                order1.computeIfAbsent(seq[i - 1], k -> new Counts()).add(seq[i]);
                order2.computeIfAbsent(key(seq[i - 2], seq[i - 1]), k -> new Counts()).add(seq[i]);
            }
        }
        wordFreq = freq;
        order1.values().forEach(Counts::freeze);
        order2.values().forEach(Counts::freeze);
    }

    static MarkovModel train(List<String> paragraphs) {
        return new MarkovModel(paragraphs);
    }

    private int id(String tok) {
        return ids.computeIfAbsent(tok, t -> {
            vocab.add(t);
            return vocab.size() - 1;
        });
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    /** smartcn words of a paragraph, with the characters between them (punctuation, spaces) as tokens too. */
    static List<String> segment(String text) {
        List<String> out = new ArrayList<>();
        try (Tokenizer t = new HMMChineseTokenizer()) {
            OffsetAttribute off = t.addAttribute(OffsetAttribute.class);
            t.setReader(new StringReader(text));
            t.reset();
            int last = 0;
            while (t.incrementToken()) {
                int s = off.startOffset();
                int e = off.endOffset();
                if (s < last) {
                    continue;
                }
                if (s > last) {
                    addGap(out, text.substring(last, s));
                }
                out.add(text.substring(s, e));
                last = e;
            }
            t.end();
            if (last < text.length()) {
                addGap(out, text.substring(last));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void addGap(List<String> out, String gap) {
        String g = gap.strip();
        if (!g.isEmpty()) {
            out.add(g);
        }
    }

    /** One new paragraph of about {@code targetChars} characters (it ends at a sentence end past that). */
    String paragraph(RandomGenerator r, int targetChars) {
        return String.join("", paragraphTokens(r, targetChars));
    }

    /** {@link #paragraph} as its words. */
    List<String> paragraphTokens(RandomGenerator r, int targetChars) {
        List<String> out = new ArrayList<>();
        int len = 0;
        int a = START;
        int b = START;
        int guard = 0;
        while (guard++ < 5000) {
            Counts c2 = order2.get(key(a, b));
            int next;
            if (c2 != null && c2.next.length > 1) {
                next = c2.sample(r);
            } else {
                Counts c1 = order1.get(b);
                next = c1 == null ? END : c1.sample(r);
            }
            if (next == END) {
                if (len >= targetChars / 3 || len > 12) {
                    break;
                }
                a = START;
                b = START;
                continue;
            }
            String tok = vocab.get(next);
            out.add(tok);
            len += tok.length();
            if (len >= targetChars && (tok.endsWith("。") || tok.endsWith("；"))) {
                break;
            }
            if (len >= targetChars * 2) {
                out.add("。");
                break;
            }
            a = b;
            b = next;
        }
        return out;
    }

    int vocabularySize() {
        return vocab.size() - 2;
    }

    long trainedTokens() {
        return trainedTokens;
    }

    /** Seed words (Han only, 2+ characters) by falling frequency in the training text. */
    List<String> wordsByFrequency() {
        List<Integer> order = new ArrayList<>();
        for (int i = 2; i < vocab.size(); i++) {
            String w = vocab.get(i);
            if (w.length() >= 2 && w.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                order.add(i);
            }
        }
        order.sort((x, y) -> wordFreq[y] != wordFreq[x] ? Integer.compare(wordFreq[y], wordFreq[x]) : vocab.get(x).compareTo(vocab.get(y)));
        return order.stream().map(vocab::get).toList();
    }

    int frequency(String word) {
        Integer i = ids.get(word);
        return i == null ? 0 : wordFreq[i];
    }
}
