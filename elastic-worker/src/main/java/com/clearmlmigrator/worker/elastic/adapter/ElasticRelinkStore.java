package com.clearmlmigrator.worker.elastic.adapter;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.relink.DocumentRelinker;
import com.clearmlmigrator.relink.FieldRule;
import com.clearmlmigrator.relink.JournalEntry;
import com.clearmlmigrator.relink.PlannedWrite;
import com.clearmlmigrator.relink.RelinkPass;
import com.clearmlmigrator.relink.RelinkStore;
import com.clearmlmigrator.relink.StoredDocument;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One slice of an index, relinked on the client: compressed plots cannot be rewritten by the server, and one code path
 * for every field keeps ES 5.6 and ES 7 alike. Batches are bounded by bytes ({@link ElasticScroll}). A relink keeps
 * one bulk in flight while the next batch is planned ({@link OverlappedBulks}); an undo, which reads documents back by
 * id a few plots at a time, writes each batch before fetching the next.
 */
final class ElasticRelinkStore implements RelinkStore, AutoCloseable {
    private final ExecutorService senders;
    private final ElasticClient client;
    private final String index;
    private final int major;
    private final ElasticScroll scroll;
    private final List<FieldRule> rules;
    private final boolean plots;
    private final List<String> fields;
    private final List<String> oldPrefixes;
    private final boolean dryRun;
    private final DocumentLimits limits;
    private final boolean overlapWrites;
    private OverlappedBulks bulks;

    /** The slice of an index a task works on, with the rules that apply to the index and whether it holds plots. */
    record Part(
            ExecutorService senders,
            ElasticClient client,
            String index,
            Slice slice,
            List<FieldRule> rules,
            boolean plots) {
        /** The top-level fields the rules read, and a plot's own fields in a plot index. */
        List<String> fields() {
            Set<String> fields = new LinkedHashSet<>();
            rules.forEach(rule -> fields.add(rule.topLevelField()));
            if (plots) {
                fields.addAll(
                        List.of(DocumentRelinker.PLOT_STR, DocumentRelinker.PLOT_DATA, DocumentRelinker.PLOT_LEN));
            }
            return List.copyOf(fields);
        }
    }

    private ElasticRelinkStore(
            Part part,
            List<String> oldPrefixes,
            boolean dryRun,
            DocumentLimits limits,
            long batchBytes,
            boolean overlapWrites) {
        this.senders = part.senders();
        this.client = part.client();
        this.index = part.index();
        this.major = client.majorVersion();
        this.scroll = new ElasticScroll(client, index, part.slice(), major, limits, batchBytes);
        this.rules = part.rules();
        this.plots = part.plots();
        this.fields = part.fields();
        this.oldPrefixes = oldPrefixes;
        this.dryRun = dryRun;
        this.limits = limits;
        this.overlapWrites = overlapWrites;
    }

    static ElasticRelinkStore forRelink(
            Part part, List<String> oldPrefixes, boolean dryRun, DocumentLimits limits, long batchBytes) {
        return new ElasticRelinkStore(part, oldPrefixes, dryRun, limits, batchBytes, true);
    }

    static ElasticRelinkStore forUndo(Part part, DocumentLimits limits) {
        return new ElasticRelinkStore(part, List.of(), false, limits, 0, false);
    }

    /** Changed documents are written back whole, so a relink that writes reads them whole; a dry run only its fields. */
    @Override
    public void scan(Consumer<List<StoredDocument>> batches) {
        scroll.forEachBatch(dryRun ? fields : null, null, batches, this::settle);
    }

    @Override
    public void write(List<PlannedWrite> writes, RelinkPass pass) {
        if (!overlapWrites) {
            ElasticConditionalWriter.write(client, index, major, writes, pass);
            return;
        }
        if (bulks == null) {
            bulks = new OverlappedBulks(senders, client, index, major, pass);
        }
        bulks.write(writes);
    }

    @Override
    public void flush() {
        settle();
        if (!dryRun) {
            client.send("POST", "/" + index + "/_refresh", null);
        }
    }

    /** Reads only the fields, and where a keyword field allows it only documents that may still hold an old value. */
    @Override
    public void scanToVerify(Consumer<List<StoredDocument>> batches) {
        ObjectNode candidates = plots
                ? null
                : ReferenceCandidates.query(client, index, rules, oldPrefixes).orElse(null);
        scroll.forEachBatch(fields, candidates, batches, () -> {});
    }

    @Override
    public void fetch(Collection<JournalEntry> entries, Consumer<List<StoredDocument>> batches) {
        ElasticDocumentFetch.fetch(client, index, major, entries, limits, batches);
    }

    /**
     * After a cancel stopped the task between two pages: waits for the bulk still in flight and counts how it ended, so
     * that a report made now holds what that bulk wrote. A bulk that failed counts as not written (the journal still
     * holds its entries, which an undo reconciles).
     */
    public void countWritesInFlight() {
        try {
            settle();
        } catch (RuntimeException e) {
            // Not counted; the task ends anyway.
        }
    }

    private void settle() {
        if (bulks != null) {
            bulks.finish();
        }
    }

    /** After a failure: the task does not end while one of its bulks is still being written. */
    @Override
    public void close() {
        if (bulks != null) {
            bulks.close();
        }
    }
}
