package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromTheFirstWaitUpToTheCap() {
        Backoff b = Backoff.from(200);
        assertEquals(200, b.delay(0));
        assertEquals(400, b.delay(1));
        assertEquals(800, b.delay(2));
        assertEquals(1600, b.delay(3));
        assertEquals(3200, b.delay(4));
        assertEquals(5000, b.delay(5));
        assertEquals(5000, b.delay(1_000_000));
    }

    @Test
    void aZeroWaitStaysZeroAndAWaitAboveTheCapIsCut() {
        assertEquals(0, Backoff.from(0).delay(10));
        assertEquals(3, new Backoff(3, 3).delay(0));
        assertEquals(5000, Backoff.from(9000).delay(0));
        assertEquals(Long.MAX_VALUE, new Backoff(1, Long.MAX_VALUE).delay(200));
    }

    @Test
    void negativeWaitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.from(-1));
    }
}
