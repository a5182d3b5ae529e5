package com.clearmlmigrator.worker.elastic.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.relink.DocumentRelinker;
import com.clearmlmigrator.relink.StoredDocument;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one slice of an index for a relink, keeping what conditional writes need, and hands it on in batches cut by
 * count and by bytes. Pages stream in ({@link StreamingScroll}), so memory follows the batch, not the page.
 *
 * <p>Pages are large: every scroll page of a slice filters the whole index again and decompresses the stored-field
 * blocks its hits sit in, so on ES 7.10 one page of 2,000 costs the server about a fifth of four pages of 500
 * (measured). Plot indices are read by ids first ({@link SourcesById}): Elasticsearch builds each answer whole in its
 * own heap.
 *
 * <p>A large document (past {@link DocumentLimits#largeBytes()}, a compressed plot counted by its decompressed {@code
 * plot_len}) goes in a batch of its own and holds the worker's place for large documents until {@code settle} has seen
 * it written: rewriting it holds it several times over.
 *
 * @param slice      the part of the index, or null for all of it
 * @param major      the cluster's major version
 * @param batchBytes a batch is handed on once its sources reach this many bytes
 */
record ElasticScroll(
        ElasticClient client, String index, Slice slice, int major, DocumentLimits limits, long batchBytes) {
    private static final int PAGE = 2_000;
    private static final int BATCH = 2_000;

    /**
     * Every document of the slice in batches.
     *
     * @param fields the top-level fields to read, or null for whole documents
     * @param query  a search body holding the query that selects the documents, or null for all of them
     * @param settle waits until the batches handed on are written; run before a large document's place is left
     */
    void forEachBatch(List<String> fields, ObjectNode query, Consumer<List<StoredDocument>> work, Runnable settle) {
        ObjectNode body = query == null ? ElasticClient.JSON.createObjectNode() : query.deepCopy();
        // ES 5.6 guards writes with _version; ES 7 and later with sequence numbers.
        body.put(major >= 7 ? "seq_no_primary_term" : "version", true);
        body.put("size", PAGE);
        body.putArray("sort").add("_doc");
        if (slice != null && slice.max() > 1) {
            body.putObject("slice").put("id", slice.id()).put("max", slice.max());
        }
        Batches batches = new Batches(index, limits, batchBytes, work, settle);
        StreamingScroll.forEachDocument(
                client, index, body, HitReader.Mode.MAPS, limits, fields, batches::take, pageHits -> {});
        batches.flush();
    }

    /** Gathers documents into batches. */
    private static final class Batches {
        private final String index;
        private final DocumentLimits limits;
        private final long batchBytes;
        private final Consumer<List<StoredDocument>> work;
        private final Runnable settle;
        private List<StoredDocument> batch = new ArrayList<>();
        private long bytes;

        Batches(
                String index,
                DocumentLimits limits,
                long batchBytes,
                Consumer<List<StoredDocument>> work,
                Runnable settle) {
            this.index = index;
            this.limits = limits;
            this.batchBytes = batchBytes;
            this.work = work;
            this.settle = settle;
        }

        void take(Hit read) {
            long weight = Math.max(read.size(), plotLength(read));
            Hit hit = read;
            try {
                limits.check(weight, "Document " + read.id() + " of index " + index);
                if (!hit.isLarge() && weight >= limits.largeBytes()) {
                    hit = hit.holdingLargePlace(limits);
                }
                if (hit.isLarge()) {
                    flush();
                    work.accept(List.of(hit.toStoredDocument()));
                    settle.run();
                } else {
                    batch.add(hit.toStoredDocument());
                    bytes += hit.size();
                    if (batch.size() >= BATCH || bytes >= batchBytes) {
                        flush();
                    }
                }
            } finally {
                hit.close();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                List<StoredDocument> full = batch;
                batch = new ArrayList<>();
                bytes = 0;
                work.accept(full);
            }
        }

        /** A compressed plot's length once decompressed, which is what rewriting it holds; 0 for other documents. */
        private static long plotLength(Hit hit) {
            return hit.source().get(DocumentRelinker.PLOT_LEN) instanceof Number length ? length.longValue() : 0;
        }
    }
}
