package org.noticesearch.search;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Where a page of hits ended, handed to the client as an opaque {@code nextCursor} and taken back as {@code cursor=}
 * ({@code search_after}): the last hit's Lucene doc id, score and sort value, with the index snapshot (reader version)
 * they belong to, the order and a fingerprint of the search. Doc ids mean nothing in another snapshot, so a cursor
 * from an older one is refused with a message to start again rather than skip or repeat hits.
 */
public record SearchCursor(long version, SortOrder sort, int search, int doc, float score, long sortValue) {
    private static final byte FORMAT = 1;
    private static final int BYTES = 1 + Long.BYTES + 1 + Integer.BYTES * 2 + Float.BYTES + Long.BYTES;

    public String encode() {
        ByteBuffer b = ByteBuffer.allocate(BYTES).put(FORMAT).putLong(version).put((byte) sort.ordinal()).putInt(search)
                .putInt(doc).putFloat(score).putLong(sortValue);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The cursor a client sent back; a 400 naming {@code cursor} when it is not one this server made. */
    public static SearchCursor decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        if (bytes.length != BYTES || bytes[0] != FORMAT) {
            throw notOurs();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, BYTES - 1);
        long version = b.getLong();
        int sort = b.get();
        if (sort < 0 || sort >= SortOrder.values().length) {
            throw notOurs();
        }
        return new SearchCursor(version, SortOrder.values()[sort], b.getInt(), b.getInt(), b.getFloat(), b.getLong());
    }

    /**
     * A fingerprint of what a request searches for (not its page or size): a cursor only continues the search it came
     * from. Built from strings and dates only (enum names, not enum hash codes, which change between runs), so that it is
     * the same in every server process.
     */
    public static int fingerprint(SearchRequest r) {
        return java.util.Objects.hash(r.query(), r.scope().name(), r.docNumber(), r.issuers(), r.province(), r.type(),
                r.campaign(), r.from() == null ? null : r.from().day(), r.to() == null ? null : r.to().day(), r.sort().name());
    }

    private static BadRequestException notOurs() {
        return new BadRequestException("cursor", "not a cursor this server gave out; take nextCursor from a search response");
    }
}
