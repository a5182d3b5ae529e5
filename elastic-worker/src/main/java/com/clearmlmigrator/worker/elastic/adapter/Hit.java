package com.clearmlmigrator.worker.elastic.adapter;

import java.util.Map;

import com.clearmlmigrator.relink.StoredDocument;

/**
 * One document of an answer, as the worker reads it: its metadata and its {@code _source}, either as the exact bytes the
 * cluster sent (a copy passes them on untouched) or parsed into maps (a relink rewrites them). A large one holds the
 * worker's place for large documents until it is closed, which its handler does once it is written.
 *
 * @param id          {@code _id}
 * @param type        the ES 5.6 mapping type, or null ({@code _doc} and later versions)
 * @param routing     {@code _routing}, or null
 * @param version     {@code _version}, or -1 when not asked for
 * @param seqNo       {@code _seq_no}, or -1 when not asked for
 * @param primaryTerm {@code _primary_term}, or -1 when not asked for
 * @param sourceBytes the {@code _source} verbatim, when read as bytes; null otherwise
 * @param source      the {@code _source} parsed, when read as maps; null otherwise
 * @param size        the size of {@code _source} in the answer, in bytes
 */
record Hit(
        String id,
        String type,
        String routing,
        long version,
        long seqNo,
        long primaryTerm,
        byte[] sourceBytes,
        Map<String, Object> source,
        long size,
        LargePlace place)
        implements AutoCloseable {

    /** The worker's place for large documents, held by this hit; released once. */
    static final class LargePlace {
        private final DocumentLimits limits;
        private boolean held = true;

        LargePlace(DocumentLimits limits) {
            this.limits = limits;
        }

        void leave() {
            if (held) {
                held = false;
                limits.leaveLargePlace();
            }
        }
    }

    /** This hit as a relink reads it: its source and what a conditional write back needs. */
    StoredDocument toStoredDocument() {
        return new StoredDocument(
                id, source, new EsDocumentHandle(type, routing, version, seqNo, primaryTerm), routing);
    }

    boolean isLarge() {
        return place != null;
    }

    /** This hit holding the worker's place for large documents, taken now (a plot that is large once decompressed). */
    Hit holdingLargePlace(DocumentLimits limits) {
        if (place != null) {
            return this;
        }
        limits.takeLargePlace();
        return new Hit(
                id, type, routing, version, seqNo, primaryTerm, sourceBytes, source, size, new LargePlace(limits));
    }

    @Override
    public void close() {
        if (place != null) {
            place.leave();
        }
    }
}
