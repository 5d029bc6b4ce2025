package org.noticesearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.noticesearch.util.Html;
import org.noticesearch.analysis.GramTokenizer;
import org.noticesearch.ingest.TextNormalizer;

/**
 * Highlighting with the same matching rule as the index: a needle matches where its letters, digits
 * and ideographs occur in order, ignoring punctuation, spaces, width and case. Each match becomes one
 * {@code <mark>} around the original characters it spans; everything else is HTML-escaped.
 */
public final class Snippets {
    private static final String SENTENCE_ENDS = "。！？；!?;";
    private static final String CLAUSE_ENDS = "，、：,:";

    private final int count;
    private final int length;

    public Snippets(int count, int length) {
        this.count = count;
        this.length = length;
    }

    /** A needle in matching form (folded, punctuation and spaces removed). */
    public static String normalize(String s) {
        return GramTokenizer.normalize(s);
    }

    /** A half-open span of the original text. */
    record Span(int start, int end) {}

    /** Where the needles match in the text, merged where they overlap or touch. */
    static List<Span> matches(String text, List<String> needles) {
        if (!mayMatch(text, needles)) {
            return List.of();
        }
        // Kept characters of the text, folded, with the original index of each.
        StringBuilder norm = new StringBuilder(text.length());
        int[] origin = new int[text.length() + 1];
        int[] originEnd = new int[text.length() + 1];
        int k = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (GramTokenizer.isKept(cp)) {
                if (len == 1) {
                    norm.append(TextNormalizer.fold((char) cp));
                    origin[k] = i;
                    originEnd[k] = i + 1;
                    k++;
                } else {
                    norm.appendCodePoint(cp);
                    origin[k] = i;
                    originEnd[k] = i + 2;
                    origin[k + 1] = i;
                    originEnd[k + 1] = i + 2;
                    k += 2;
                }
            }
            i += len;
        }
        String n = norm.toString();
        List<Span> spans = new ArrayList<>();
        for (String needle : needles) {
            String nd = normalize(needle);
            if (nd.isEmpty()) {
                continue;
            }
            for (int at = n.indexOf(nd); at >= 0; at = n.indexOf(nd, at + 1)) {
                int s = origin[at];
                int e = originEnd[at + nd.length() - 1];
                // A match must not cross a paragraph break, as in the index.
                if (text.indexOf('\n', s) >= 0 && text.indexOf('\n', s) < e) {
                    continue;
                }
                spans.add(new Span(s, e));
            }
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> merged = new ArrayList<>();
        for (Span sp : spans) {
            if (!merged.isEmpty() && sp.start() <= merged.get(merged.size() - 1).end()) {
                Span last = merged.remove(merged.size() - 1);
                merged.add(new Span(last.start(), Math.max(last.end(), sp.end())));
            } else {
                merged.add(sp);
            }
        }
        return merged;
    }

    /**
     * False when no needle can match. Folding neither makes nor changes a kept character from U+3000 up (outside the
     * full-width forms, which fold to ASCII), so a match of a needle contains each of its characters from there up as
     * written: the text must have the needle's first such character. A needle with none (all ASCII letters and digits)
     * may always match. Most paragraphs of a hit match nothing, and this spares them the folded copy and its index
     * arrays (the bulk of what a 50-hit page allocated). The first such character, not the first character: a number's
     * shapes such as 〔2020〕鲁妇通字6号 begin with digits, which every paragraph may have.
     */
    private static boolean mayMatch(String text, List<String> needles) {
        for (String needle : needles) {
            int probe = -1;
            for (int i = 0; i < needle.length(); ) {
                int cp = needle.codePointAt(i);
                i += Character.charCount(cp);
                if (GramTokenizer.isKept(cp)) {
                    int folded = Character.charCount(cp) == 1 ? TextNormalizer.fold((char) cp) : cp;
                    if (folded >= 0x3000) {
                        probe = folded;
                        break;
                    }
                }
            }
            if (probe < 0 || text.indexOf(probe) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * How matches are marked: HTML (escaped, {@code <mark>} around matches) for the API and the pages, or plain text
     * with the terminal's own marks for the CLI.
     */
    public record Markup(String open, String close, UnaryOperator<String> escape) {
        public static final Markup HTML = new Markup("<mark>", "</mark>", Html::escape);

        /** Plain text, each match between {@code open} and {@code close}. */
        public static Markup plain(String open, String close) {
            return new Markup(open, close, UnaryOperator.identity());
        }
    }

    /** The whole text escaped, with every match marked. */
    public static String highlight(String text, List<String> needles) {
        return highlight(text, needles, Markup.HTML);
    }

    /** The whole text with every match marked. */
    public static String highlight(String text, List<String> needles, Markup markup) {
        if (text == null) {
            return null;
        }
        return render(text, 0, text.length(), matches(text, needles), markup);
    }

    private static String render(String text, int from, int to, List<Span> spans, Markup m) {
        StringBuilder sb = new StringBuilder();
        int at = from;
        for (Span s : spans) {
            if (s.end() <= from || s.start() >= to) {
                continue;
            }
            int a = Math.max(s.start(), from);
            int b = Math.min(s.end(), to);
            sb.append(m.escape().apply(text.substring(at, a)));
            sb.append(m.open()).append(m.escape().apply(text.substring(a, b))).append(m.close());
            at = b;
        }
        sb.append(m.escape().apply(text.substring(at, to)));
        return sb.toString();
    }

    /**
     * Up to {@code count} passages of about {@code length} characters from the paragraphs (every line of a notice), cut
     * at sentence or clause boundaries, preferring passages that match more different needles; the opening of
     * {@code opening} (its body) when nothing matches. Marked up as {@code markup} says.
     */
    public List<String> passages(List<String> paragraphs, List<String> needles, List<String> opening, Markup markup) {
        record Candidate(int paragraph, int start, int end, List<Span> spans, int distinct) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            String text = paragraphs.get(p);
            List<Span> spans = matches(text, needles);
            int used = -1;
            for (Span s : spans) {
                if (s.start() < used) {
                    continue; // already inside a chosen passage of this paragraph
                }
                int sentence = sentenceStart(text, s.start());
                int start = s.start() - sentence > length / 2 ? clauseStart(text, s.start(), length / 3) : sentence;
                int end = passageEnd(text, start, Math.max(s.end(), start + length));
                List<Span> inside = spans.stream().filter(x -> x.start() >= start && x.end() <= end).toList();
                Set<String> distinct = new LinkedHashSet<>();
                for (Span x : inside) {
                    distinct.add(normalize(text.substring(x.start(), x.end())));
                }
                candidates.add(new Candidate(p, start, end, inside, distinct.size()));
                used = end;
            }
        }
        List<String> out = new ArrayList<>();
        if (candidates.isEmpty()) {
            if (!opening.isEmpty() && count > 0) {
                String first = opening.get(0);
                int end = passageEnd(first, 0, length);
                out.add(render(first, 0, end, List.of(), markup) + (end < first.length() ? "…" : ""));
            }
            return out;
        }
        List<Candidate> best = candidates.stream()
                .sorted(Comparator.comparingInt((Candidate c) -> -c.distinct()).thenComparingInt(c -> -c.spans().size())
                        .thenComparingInt(Candidate::paragraph).thenComparingInt(Candidate::start))
                .limit(count)
                .sorted(Comparator.comparingInt(Candidate::paragraph).thenComparingInt(Candidate::start))
                .toList();
        for (Candidate c : best) {
            String text = paragraphs.get(c.paragraph());
            out.add((c.start() > 0 ? "…" : "") + render(text, c.start(), c.end(), c.spans(), markup)
                    + (c.end() < text.length() ? "…" : ""));
        }
        return out;
    }

    private static int sentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int clauseStart(String text, int at, int maxBack) {
        for (int i = at - 1; i >= Math.max(0, at - maxBack); i--) {
            if (CLAUSE_ENDS.indexOf(text.charAt(i)) >= 0 || SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return Math.max(0, at - maxBack);
    }

    /** The end of the sentence or clause at or after {@code target}, within a margin; else {@code target}. */
    private int passageEnd(String text, int start, int target) {
        if (target >= text.length()) {
            return text.length();
        }
        int limit = Math.min(text.length(), target + length / 4);
        for (int i = target; i < limit; i++) {
            char c = text.charAt(i);
            if (SENTENCE_ENDS.indexOf(c) >= 0 || CLAUSE_ENDS.indexOf(c) >= 0) {
                return i + 1;
            }
        }
        for (int i = target; i > start + length / 2; i--) {
            char c = text.charAt(i - 1);
            if (SENTENCE_ENDS.indexOf(c) >= 0 || CLAUSE_ENDS.indexOf(c) >= 0) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(target)) ? target + 1 : target;
    }
}
