package org.noticesearch.search.lucene;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.SortOrder;

/**
 * Where a page of hits ended, handed to the client as an opaque {@code nextCursor} and taken back as {@code cursor=}
 * ({@code search_after}) on the embedded index: the last hit's Lucene doc id, score and sort value, with the index snapshot (reader version)
 * they belong to, the order and a fingerprint of the search. Doc ids mean nothing in another snapshot, so a cursor
 * from an older one is refused with a message to start again rather than skip or repeat hits.
 */
public record LuceneCursor(long version, SortOrder sort, int search, int doc, float score, List<Object> sortValues) {
    private static final byte FORMAT = 2;
    private static final byte LONG = 'L';
    private static final byte FLOAT = 'F';
    /** More sort fields than any order here uses (a series search sorts by three). */
    private static final int MAX_FIELDS = 8;

    public LuceneCursor {
        sortValues = List.copyOf(sortValues);
        for (Object v : sortValues) {
            if (!(v instanceof Long) && !(v instanceof Float)) {
                throw new IllegalArgumentException("a cursor carries long and float sort values only, not " + v);
            }
        }
    }

    /**
     * The values a sorted search's last hit was sorted by (a FieldDoc's fields: dates and numbers as longs, the score
     * as a float), whatever the order: relevance has none; newest/oldest, the date then the score; a series search,
     * the score, the number's order and the date.
     */
    public String encode() {
        ByteBuffer b = ByteBuffer.allocate(1 + Long.BYTES + 1 + Integer.BYTES * 2 + Float.BYTES + 1
                + sortValues.size() * (1 + Long.BYTES));
        b.put(FORMAT).putLong(version).put((byte) sort.ordinal()).putInt(search).putInt(doc).putFloat(score)
                .put((byte) sortValues.size());
        for (Object v : sortValues) {
            if (v instanceof Long l) {
                b.put(LONG).putLong(l);
            } else {
                b.put(FLOAT).putFloat((Float) v);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(b.array(), b.position()));
    }

    /** The cursor a client sent back; a 400 naming {@code cursor} when it is not one this server made. */
    public static LuceneCursor decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.notOurCursor();
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (b.get() != FORMAT) {
                throw BadRequestException.notOurCursor();
            }
            long version = b.getLong();
            int sort = b.get();
            if (sort < 0 || sort >= SortOrder.values().length) {
                throw BadRequestException.notOurCursor();
            }
            int search = b.getInt();
            int doc = b.getInt();
            float score = b.getFloat();
            int n = b.get();
            if (n < 0 || n > MAX_FIELDS) {
                throw BadRequestException.notOurCursor();
            }
            List<Object> values = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte tag = b.get();
                if (tag == LONG) {
                    values.add(b.getLong());
                } else if (tag == FLOAT) {
                    values.add(b.getFloat());
                } else {
                    throw BadRequestException.notOurCursor();
                }
            }
            if (b.hasRemaining()) {
                throw BadRequestException.notOurCursor();
            }
            return new LuceneCursor(version, SortOrder.values()[sort], search, doc, score, values);
        } catch (java.nio.BufferUnderflowException e) {
            throw BadRequestException.notOurCursor();
        }
    }
}
