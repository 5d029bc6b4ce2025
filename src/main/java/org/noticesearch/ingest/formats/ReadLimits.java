package org.noticesearch.ingest.formats;

import java.time.Duration;
import org.noticesearch.config.Settings;

/**
 * The bounds every format reader runs within, from {@code settings.properties} (see {@link Settings}): a time limit per
 * file, a page limit for paged formats, a limit on the text taken out, on what a zip package may inflate to and how
 * many entries it may hold, and the memory set aside for reading files at once.
 *
 * @param memoryBudgetBytes the heap that files being read may use together, by {@link FormatReaders}' estimate
 */
public record ReadLimits(Duration timeLimit, int maxPages, long maxTextChars, long maxInflatedBytes, int maxZipEntries,
                         long memoryBudgetBytes) {

    /** Half the heap: the other half stays for searches, the index writer and the notices being indexed. */
    public static long defaultMemoryBudget() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    public ReadLimits {
        if (timeLimit.isNegative() || timeLimit.isZero() || maxPages < 1 || maxTextChars < 1 || maxInflatedBytes < 1
                || maxZipEntries < 1 || memoryBudgetBytes < 1) {
            throw new IllegalArgumentException("read limits must be positive: " + timeLimit + ", " + maxPages + ", " + maxTextChars
                    + ", " + maxInflatedBytes + ", " + maxZipEntries + ", " + memoryBudgetBytes);
        }
    }

    public static ReadLimits from(Settings s) {
        return new ReadLimits(Duration.ofSeconds(s.readTimeLimitSeconds()), s.maxPages(), s.maxTextChars(), s.maxInflatedBytes(),
                s.maxZipEntries(), defaultMemoryBudget());
    }

    public static ReadLimits defaults() {
        return from(Settings.defaults());
    }

    public ReadLimits withTimeLimit(Duration d) {
        return new ReadLimits(d, maxPages, maxTextChars, maxInflatedBytes, maxZipEntries, memoryBudgetBytes);
    }
}
