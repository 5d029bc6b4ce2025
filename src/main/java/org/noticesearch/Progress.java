package org.noticesearch;

import org.noticesearch.index.NoticeIndexer;

/** A progress line for the terminal, redrawn at most a few times a second; nothing when output is not a terminal. */
final class Progress {
    private Progress() {}

    static NoticeIndexer.Progress forTerminal() {
        if (System.console() == null) {
            return NoticeIndexer.Progress.NONE;
        }
        long[] last = {0};
        long start = System.nanoTime();
        return (done, total) -> {
            long now = System.nanoTime();
            synchronized (last) {
                if (done < total && now - last[0] < 200_000_000L) {
                    return;
                }
                last[0] = now;
                double secs = (now - start) / 1e9;
                System.err.printf("\r%d/%d files (%.0f%%), %.0f files/s   ", done, total, total == 0 ? 100.0 : 100.0 * done / total,
                        secs > 0 ? done / secs : 0);
            }
        };
    }

    static void clearLine() {
        if (System.console() != null) {
            System.err.print("\r\033[K");
        }
    }
}
