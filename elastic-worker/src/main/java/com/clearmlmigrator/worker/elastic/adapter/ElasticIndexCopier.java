package com.clearmlmigrator.worker.elastic.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.worker.elastic.config.ElasticWorkerConfig;
import com.clearmlmigrator.worker.elastic.domain.IndexCopier;
import com.clearmlmigrator.worker.elastic.domain.RatePacer;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Copies ClearML indices between clusters over plain REST: ES 5.6, 6 and 7 sources; ES 7 and 8 targets. */
@ApplicationScoped
public class ElasticIndexCopier implements IndexCopier {
    /** The key in a target index's {@code _meta} that names the migration that created it. */
    static final String META_KEY = "clearml_migrator";

    // A throttled copy reads pages of about this many seconds of its rate: the pacing pauses between pages (never with
    // an answer open), and its progress moves page by page.
    private static final int PACED_PAGE_SECONDS = 5;

    private final ElasticConnections connections;
    private final ProgressBeacon progress;
    private final DocumentLimits limits;
    private final int page;
    private final long bulkBytes;

    public ElasticIndexCopier(
            ElasticConnections connections,
            ProgressBeacon progress,
            DocumentLimits limits,
            ElasticWorkerConfig config) {
        this.connections = connections;
        this.progress = progress;
        this.limits = limits;
        this.page = config.copyPageSize();
        this.bulkBytes = config.copyBulkBytes();
    }

    @Override
    public CopyReport prepare(MigrationTask task) {
        Instant started = Instant.now();
        List<String> created = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        prepareTarget(task, (CopySpec.Prepare) task.copy(), created, notes);
        return new CopyReport(task.target(), "prepare", null, null, null, 0, created, notes, started, Instant.now());
    }

    @Override
    public CopyReport copySlice(MigrationTask task) {
        Instant started = Instant.now();
        Copied copied = copyDocuments(task, task.slice(), ((CopySpec.CopySlice) task.copy()).maxDocsPerSecond());
        return new CopyReport(
                task.target(),
                "copy-slice",
                copied.read(),
                copied.written(),
                copied.sourceWrites(),
                copied.bytes(),
                List.of(),
                List.of(),
                started,
                Instant.now());
    }

    @Override
    public CopyReport verify(MigrationTask task) {
        Instant started = Instant.now();
        CopySpec.Verify spec = (CopySpec.Verify) task.copy();
        List<String> notes = new ArrayList<>();
        ContentChecksum onTarget = verifyIndex(task, spec, notes);
        return new CopyReport(
                task.target(), "verify", spec.expected(), onTarget, null, 0, List.of(), notes, started, Instant.now());
    }

    @Override
    public CopyReport copyIndex(MigrationTask task) {
        Instant started = Instant.now();
        CopySpec.CopyIndex spec = (CopySpec.CopyIndex) task.copy();
        List<String> created = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        prepareTarget(task, spec.prepare(), created, notes);
        Copied copied = copyDocuments(task, null, spec.copy().maxDocsPerSecond());
        ContentChecksum onTarget =
                verifyIndex(task, spec.verify().expecting(copied.read(), copied.sourceWrites()), notes);
        return new CopyReport(
                task.target(),
                "copy-index",
                copied.read(),
                onTarget,
                copied.sourceWrites(),
                copied.bytes(),
                created,
                notes,
                started,
                Instant.now());
    }

    /** Puts the templates, then creates each index unless this migration already did (a replay). */
    private void prepareTarget(MigrationTask task, CopySpec.Prepare spec, List<String> created, List<String> notes) {
        ElasticClient target = connections.client(task.elastic());
        for (CopySpec.IndexTemplate template : spec.templates()) {
            target.send("PUT", template.path(), write(template.body()));
        }
        if (!spec.templates().isEmpty()) {
            notes.add("Put " + spec.templates().size() + " index templates on the target.");
        }
        for (CopySpec.TargetIndex index : spec.indices()) {
            if (target.exists("/" + index.name())) {
                if (createdBy(target, index.name()).equals(task.id().jobId())) {
                    continue; // A replay: this migration created it and may already be copying into it.
                }
                if (!index.replaceExisting()) {
                    throw new TaskFailedException(
                            FailureReason.TARGET_REJECTED,
                            "Index " + index.name() + " appeared on the target after the copy was planned; remove it"
                                    + " or start the copy again with \"ifTargetExists\": \"skip\" or \"overwrite\".");
                }
                target.send("DELETE", "/" + index.name(), null);
                notes.add("Replaced the target's existing index " + index.name() + ".");
            }
            // The primary starts in the background; the first bulk waits for it, so preparing takes no longer.
            target.send(
                    "PUT",
                    "/" + index.name() + "?wait_for_active_shards=0",
                    write(createBody(index, task.id().jobId())));
            created.add(index.name());
        }
    }

    private record Copied(ContentChecksum read, ContentChecksum written, long bytes, long sourceWrites) {}

    /** Streams one slice (or, with a null slice, the whole index) from the source into the target. */
    private Copied copyDocuments(MigrationTask task, Slice slice, long maxDocsPerSecond) {
        String index = task.target();
        // Credit for time not used is one page: after a stall the copy goes on at the limit, not faster.
        RatePacer pacer = new RatePacer(maxDocsPerSecond, Duration.ofSeconds(PACED_PAGE_SECONDS));
        ContentChecksum.Tally read = new ContentChecksum.Tally();
        long[] bytes = {0};
        ElasticClient source = connections.client(task.source());
        long sourceWrites = SourceWrites.count(source, index);
        int pageSize =
                maxDocsPerSecond > 0 ? (int) Math.max(1, Math.min(page, maxDocsPerSecond * PACED_PAGE_SECONDS)) : page;
        try (CopyBulkWriter writer = new CopyBulkWriter(
                connections.client(task.elastic()), index, bulkBytes, page, limits, progress.counter(task.id()))) {
            StreamingScroll.forEachDocument(
                    source,
                    index,
                    search(slice, pageSize),
                    HitReader.Mode.BYTES,
                    limits,
                    null,
                    hit -> {
                        try (hit) {
                            CopiedDocument document = CopiedDocument.of(hit);
                            read.addDocument(document.digest());
                            bytes[0] += document.bytes();
                            if (hit.isLarge()) {
                                writer.writeAlone(document);
                            } else {
                                writer.add(document);
                            }
                        }
                    },
                    pageHits -> {
                        writer.pageEnded();
                        pacer.finished(pageHits);
                    });
            ContentChecksum written = writer.finish();
            return new Copied(read.total(), written, bytes[0], sourceWrites);
        }
    }

    /** A scroll over whole documents in index order, of one slice or, with a null slice, of all of them. */
    private static ObjectNode search(Slice slice, int pageSize) {
        ObjectNode body = ElasticClient.JSON.createObjectNode().put("size", pageSize);
        body.putArray("sort").add("_doc");
        if (slice != null && slice.max() > 1) {
            body.putObject("slice").put("id", slice.id()).put("max", slice.max());
        }
        return body;
    }

    /**
     * Makes the target index durable and searchable, fingerprints it, restores its settings and, when it matches,
     * write-blocks the source if asked.
     */
    private ContentChecksum verifyIndex(MigrationTask task, CopySpec.Verify spec, List<String> notes) {
        String index = task.target();
        ElasticClient target = connections.client(task.elastic());
        // Every acknowledged bulk is already in the fsynced translog (durability "request", the default we keep), so
        // no flush is needed before the source is sealed; the refresh makes the copy visible to the scan.
        target.send("POST", "/" + index + "/_refresh", null);
        ContentChecksum onTarget = fingerprint(target, index);
        if (!spec.restore().isEmpty()) {
            target.send("PUT", "/" + index + "/_settings", write(spec.restore()));
            notes.add("Restored the index settings " + spec.restore() + ".");
        }
        if (!onTarget.equals(spec.expected())) {
            throw new TaskFailedException(
                    FailureReason.TARGET_REJECTED,
                    "Index " + index + " differs from its source after the copy: the source has "
                            + spec.expected().documents() + " documents (checksum "
                            + spec.expected().sum()
                            + "), the target " + onTarget.documents() + " (checksum " + onTarget.sum()
                            + "). The source was left writable; delete the target index and copy it again with"
                            + " \"ifTargetExists\": \"overwrite\".");
        }
        if (spec.sealSource()) {
            connections.client(task.source()).send("PUT", "/" + index + "/_settings", "{\"index.blocks.write\": true}");
            notes.add("Put a write block on the source index " + index + ".");
        }
        if (spec.sourceWritesBefore() != null) {
            long countNow = SourceWrites.count(connections.client(task.source()), index);
            SourceWrites.checkUnchanged(index, countNow, spec, notes);
        }
        return onTarget;
    }

    /** The fingerprint of every document of an index, read in one scroll. */
    private ContentChecksum fingerprint(ElasticClient client, String index) {
        ContentChecksum.Tally sum = new ContentChecksum.Tally();
        StreamingScroll.forEachDocument(
                client,
                index,
                search(null, page),
                HitReader.Mode.BYTES,
                limits,
                null,
                hit -> {
                    try (hit) {
                        sum.addDocument(CopiedDocument.of(hit).digest());
                    }
                },
                pageHits -> {});
        return sum.total();
    }

    private static String createdBy(ElasticClient target, String index) {
        JsonNode mappings = target.get("/" + index + "/_mapping").path(index).path("mappings");
        return mappings.path("_meta").path(META_KEY).path("migration").asText("");
    }

    /** The create-index body: the translated mappings, marked with the migration that created the index. */
    private static ObjectNode createBody(CopySpec.TargetIndex index, String migrationId) {
        ObjectNode body = ElasticClient.JSON.createObjectNode();
        body.set("settings", ElasticClient.JSON.valueToTree(index.settings()));
        ObjectNode mappings = ElasticClient.JSON.valueToTree(index.mappings());
        ObjectNode meta = mappings.has("_meta") ? (ObjectNode) mappings.get("_meta") : mappings.putObject("_meta");
        meta.putObject(META_KEY).put("migration", migrationId);
        body.set("mappings", mappings);
        return body;
    }

    private static String write(Object value) {
        return ElasticClient.JSON.valueToTree(value).toString();
    }
}
