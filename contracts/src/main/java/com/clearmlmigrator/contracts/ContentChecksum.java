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
    public static final ContentChecksum EMPTY = of(0, 0L);

    public ContentChecksum {
        Objects.requireNonNull(sum, "sum");
        if (documents < 0) {
            throw new IllegalArgumentException("documents must not be negative");
        }
    }

    public static ContentChecksum of(long documents, long sum) {
        return new ContentChecksum(documents, "%016x".formatted(sum));
    }

    /** The fingerprint of both sets together. */
    public ContentChecksum plus(ContentChecksum other) {
        return of(documents + other.documents, sumValue() + other.sumValue());
    }

    /** The fingerprint with one more document. */
    public ContentChecksum plusDocument(long digest) {
        return of(documents + 1, sumValue() + digest);
    }

    private long sumValue() {
        return Long.parseUnsignedLong(sum, 16);
    }
}
