package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticesearch.search.SuggestionRanker.Candidate;

/** The order of completions, without an index: prefix, kind, weight, text before pinyin, length, text. */
class SuggestionRankerTest {
    private static final List<Candidate> CANDIDATES = List.of(
            Candidate.of("全国妇联", "issuer", 5),
            Candidate.of("妇联工作通知", "title", 100),
            Candidate.of("妇联专项行动", "campaign", 1),
            Candidate.of("省妇联", "issuer", 50),
            Candidate.of("教育部", "issuer", 500));

    @Test
    void prefixMatchesFirstThenByKindThenByWeight() {
        assertEquals(List.of(new Suggestion("妇联专项行动", "campaign"), new Suggestion("妇联工作通知", "title"),
                new Suggestion("省妇联", "issuer"), new Suggestion("全国妇联", "issuer")),
                SuggestionRanker.top(CANDIDATES, "妇联", 10));
    }

    @Test
    void theLimitCutsTheRankedList() {
        assertEquals(List.of(new Suggestion("妇联专项行动", "campaign"), new Suggestion("妇联工作通知", "title")),
                SuggestionRanker.top(CANDIDATES, "妇联", 2));
    }

    @Test
    void typedTextIsFoldedLikeTheCandidates() {
        List<Candidate> c = List.of(Candidate.of("ＡＢＣ通知", "title", 1));
        assertEquals(List.of(new Suggestion("ＡＢＣ通知", "title")), SuggestionRanker.top(c, "abc", 5));
        assertEquals(List.of(new Suggestion("ＡＢＣ通知", "title")), SuggestionRanker.top(c, " B-C ", 5));
    }

    @Test
    void nothingTypedOrOnlyPunctuationSuggestsNothing() {
        assertEquals(List.of(), SuggestionRanker.top(CANDIDATES, null, 5));
        assertEquals(List.of(), SuggestionRanker.top(CANDIDATES, "", 5));
        assertEquals(List.of(), SuggestionRanker.top(CANDIDATES, "，。 ", 5));
    }

    @Test
    void pinyinAndInitialsMatchAndATextMatchRanksAboveAPinyinOne() {
        List<Candidate> c = List.of(Candidate.of("妇联", "title", 1), Candidate.of("fulian 周报", "title", 1),
                Candidate.of("全国妇联", "issuer", 9));
        assertEquals(List.of(new Suggestion("fulian 周报", "title"), new Suggestion("妇联", "title"),
                new Suggestion("全国妇联", "issuer")), SuggestionRanker.top(c, "fulian", 5));
        assertEquals(List.of(new Suggestion("妇联", "title"), new Suggestion("全国妇联", "issuer")),
                SuggestionRanker.top(c, "fl", 5));
    }

    @Test
    void shorterFirstThenByTextAndEachTextOnce() {
        List<Candidate> c = List.of(Candidate.of("妇联会", "issuer", 1), Candidate.of("妇联乙", "issuer", 1),
                Candidate.of("妇联", "issuer", 1), Candidate.of("妇联甲", "issuer", 1), Candidate.of("妇联", "title", 7));
        assertEquals(List.of(new Suggestion("妇联", "issuer"), new Suggestion("妇联乙", "issuer"),
                new Suggestion("妇联会", "issuer"), new Suggestion("妇联甲", "issuer")), SuggestionRanker.top(c, "妇联", 9));
    }
}
