package com.clearmlmigrator.contracts;

import java.util.Objects;

/**
 * An order-independent fingerprint of a set of Elasticsearch documents: how many there are, and the sum (modulo 2^64)
 * of one 64-bit digest per document. Summing makes the fingerprint of an index the sum of the fingerprints of any
 * partition of it, so slices read on the source compare with slices read on the target however each side slices; and
 * unlike XOR, a document counted twice changes it.
 *
 * @param documents number of documents
 * @param sum       sum of the document digests, as 16 hex digits
 */
public record ContentChecksum(long documents, String sum) {
    private static final int HEX_DIGITS = 16;
    public static final ContentChecksum EMPTY = of(0, 0L);

    public ContentChecksum {
        Objects.requireNonNull(sum, "sum");
        if (documents < 0) {
            throw new IllegalArgumentException("documents must not be negative");
        }
    }

    public static ContentChecksum of(long documents, long sum) {
        // Not String.format: a copy makes one of these per page and per bulk, and the formatter's parsing showed in
        // the worker's profile.
        String hex = Long.toHexString(sum);
        return new ContentChecksum(documents, "0".repeat(HEX_DIGITS - hex.length()) + hex);
    }

    /** The fingerprint of both sets together. */
    public ContentChecksum plus(ContentChecksum other) {
        return of(documents + other.documents, sumValue() + other.sumValue());
    }

    /** The fingerprint with one more document. */
    public ContentChecksum plusDocument(long digest) {
        return of(documents + 1, sumValue() + digest);
    }

    /**
     * Sums documents into a fingerprint without making a value per document: loops over every document of a copy use
     * it. Not thread-safe.
     */
    public static final class Tally {
        private long documents;
        private long sum;

        public void addDocument(long digest) {
            documents++;
            sum += digest;
        }

        public void add(ContentChecksum checksum) {
            documents += checksum.documents;
            sum += checksum.sumValue();
        }

        public ContentChecksum total() {
            return of(documents, sum);
        }
    }

    private long sumValue() {
        return Long.parseUnsignedLong(sum, 16);
    }
}
