package org.noticesearch.search.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Adoption#earliestFirst} (one precomputed key a notice, used by the adopters and by each node's children in a
 * tree) orders notices exactly as the comparator {@link #EARLIEST}, the order written out field by field, does: by
 * year, within a year the whole dates by day and then the notices with a year alone, notices with no year last, ties
 * by id.
 */
class EarliestFirstTest {
    /** The definition, one field at a time, with each date parsed at every comparison. */
    static final Comparator<DiffusionNotice> EARLIEST = Comparator
            .<DiffusionNotice, Integer>comparing(n -> n.knownYear() == null ? 1 : 0)
            .thenComparing(n -> n.knownYear() == null ? 0 : n.knownYear())
            .thenComparing(n -> n.day() == null ? 1 : 0)
            .thenComparing(n -> n.day() == null ? LocalDate.MIN : n.day())
            .thenComparing(DiffusionNotice::id);

    private static DiffusionNotice notice(String id, String date, Integer year) {
        return new DiffusionNotice(id, "关于" + id + "的通知", null, null, date, year, "某市妇联", List.of("某市妇联"), null, null,
                null, "通知", List.of());
    }

    @Test
    void ordersAsTheComparatorOnDaysYearsDamagedDatesAndTies() {
        Random r = new Random(16);
        String[] odd = {null, "2020-02-30", "2020-13-01", "2020-1-5", "20200105", "2020年", ""};
        for (int round = 0; round < 200; round++) {
            List<DiffusionNotice> ns = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int y = 2015 + r.nextInt(4);
                String id = "n" + r.nextInt(30); // repeated ids: ties are broken the same way
                ns.add(switch (r.nextInt(4)) {
                    case 0 -> notice(id, String.format("%d-%02d-%02d", y, 1 + r.nextInt(12), 1 + r.nextInt(28)), y);
                    case 1 -> notice(id, null, y);
                    case 2 -> notice(id, odd[r.nextInt(odd.length)], r.nextBoolean() ? y : null);
                    default -> notice(id, String.format("%d-12-31", y), null);
                });
            }
            List<DiffusionNotice> expected = new ArrayList<>(ns);
            expected.sort(EARLIEST);
            assertEquals(expected.stream().map(n -> n.id() + "|" + n.date() + "|" + n.year()).toList(),
                    Adoption.earliestFirst(ns).stream().map(n -> n.id() + "|" + n.date() + "|" + n.year()).toList(), "round " + round);
        }
    }
}
