package org.noticesearch.ingest.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.NoticeParseException;

/**
 * Measures what a zip package (.docx, .ofd) really inflates to before a library unpacks it into memory: the entries'
 * data is inflated into nothing and counted (the sizes in the zip's headers can lie), and the scan stops at the first
 * limit crossed, so a zip bomb costs the time to inflate up to the limit and no memory.
 */
final class ZipGuard {
    private ZipGuard() {}

    /** What a package inflates to: its XML parts, everything, and the number of entries. */
    record Inflated(long xmlBytes, long totalBytes, int entries) {}

    static Inflated scan(String source, byte[] bytes, long maxInflated, int maxEntries) throws NoticeParseException {
        long xml = 0;
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new NoticeParseException(source, FailureKind.TOO_COMPLEX, "the package holds more than " + maxEntries
                            + " entries (ingest.maxZipEntries in settings.properties); a document has a few dozen");
                }
                String name = e.getName().toLowerCase(Locale.ROOT);
                boolean isXml = name.endsWith(".xml") || name.endsWith(".rels");
                int r;
                while ((r = zip.read(buf)) > 0) {
                    total += r;
                    if (isXml) {
                        xml += r;
                    }
                    if (total > maxInflated) {
                        throw new NoticeParseException(source, FailureKind.TOO_LARGE, "the package inflates to more than "
                                + (maxInflated >> 20) + " MB (ingest.maxInflatedBytes in settings.properties): a zip bomb, or"
                                + " far larger than a notice");
                    }
                }
            }
        } catch (IOException e) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "the zip package is corrupt or truncated ("
                    + FormatReaders.oneLine(String.valueOf(e.getMessage())) + ")");
        }
        return new Inflated(xml, total, entries);
    }
}
