package com.clearmlmigrator.worker.elastic.copy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.worker.runtime.TaskCancelledException;

/**
 * The copy protocol of one index, whatever the clusters: prepare the target, stream the source into it while both
 * sides fingerprint every document, then verify the whole target against the source and seal the source. Each step
 * may run again (Kafka delivers at least once) and leaves the target as the first run left it. The clusters are behind
 * {@link SourceIndex} and {@link TargetIndex}; this class holds the rules between them.
 */
public final class CopyEngine {
    // A throttled copy reads pages of about this many seconds of its rate: the pacing pauses between pages (never with
    // an answer open), and its progress moves page by page.
    private static final int PACED_PAGE_SECONDS = 5;

    private final int pageSize;
    private final int tasksAtOnce;
    private final MigrationPacers pacers;

    /**
     * @param pageSize    documents per page of an unthrottled read
     * @param tasksAtOnce tasks this worker runs at once, which its copy slices of one migration share a rate limit among
     */
    public CopyEngine(int pageSize, int tasksAtOnce) {
        // Credit for time not used is one page: after a stall the copy goes on at the limit, not faster.
        this(
                pageSize,
                tasksAtOnce,
                new MigrationPacers(rate -> new RatePacer(rate, Duration.ofSeconds(PACED_PAGE_SECONDS))));
    }

    CopyEngine(int pageSize, int tasksAtOnce, MigrationPacers pacers) {
        this.pageSize = pageSize;
        this.tasksAtOnce = Math.max(1, tasksAtOnce);
        this.pacers = pacers;
    }

    public CopyReport prepare(MigrationTask task, TargetIndex<?> target) {
        Instant started = Instant.now();
        List<String> created = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        TargetPreparation.prepare(task, (CopySpec.Prepare) task.copy(), target, created, notes);
        return new CopyReport(task.target(), "prepare", null, null, null, 0, created, notes, started, Instant.now());
    }

    public <D extends CopyDocument> CopyReport copySlice(
            MigrationTask task, SourceIndex<D> source, TargetIndex<D> target) {
        Instant started = Instant.now();
        CopySpec.CopySlice spec = (CopySpec.CopySlice) task.copy();
        Copied copied = copyDocuments(task, "copy-slice", started, task.slice(), spec, source, target);
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

    public <D extends CopyDocument> CopyReport verify(
            MigrationTask task, SourceIndex<D> source, TargetIndex<D> target) {
        Instant started = Instant.now();
        CopySpec.Verify spec = (CopySpec.Verify) task.copy();
        List<String> notes = new ArrayList<>();
        ContentChecksum onTarget = verifyIndex(task, spec, source, target, notes);
        return new CopyReport(
                task.target(), "verify", spec.expected(), onTarget, null, 0, List.of(), notes, started, Instant.now());
    }

    /** The three steps in one task; the verification expects what the copy read. */
    public <D extends CopyDocument> CopyReport copyIndex(
            MigrationTask task, SourceIndex<D> source, TargetIndex<D> target) {
        Instant started = Instant.now();
        CopySpec.CopyIndex spec = (CopySpec.CopyIndex) task.copy();
        List<String> created = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        TargetPreparation.prepare(task, spec.prepare(), target, created, notes);
        Copied copied = copyDocuments(task, "copy-index", started, null, spec.copy(), source, target);
        CopySpec.Verify verify = spec.verify().expecting(copied.read(), copied.sourceWrites());
        ContentChecksum onTarget = verifyIndex(task, verify, source, target, notes);
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

    /**
     * The target's fingerprint once what it acknowledged is on disk (the flush: the copy's translog may be synced in the
     * background) and visible to the scan (the refresh).
     */
    private static ContentChecksum durableFingerprint(TargetIndex<?> target) {
        target.flush();
        target.refresh();
        return target.fingerprint();
    }

    private record Copied(ContentChecksum read, ContentChecksum written, long bytes, long sourceWrites) {}

    /**
     * Streams one slice (or, with a null slice, the whole index) from the source into the target, at the pace of the
     * migration's share of the rate limit in this worker. Stopped by a cancel, the task reports what the target had
     * confirmed by then, so the migration's report counts what an index stopped part-way holds.
     *
     * @param step    the task's step, as its report names it
     * @param started when the task started
     */
    private <D extends CopyDocument> Copied copyDocuments(
            MigrationTask task,
            String step,
            Instant started,
            Slice slice,
            CopySpec.CopySlice spec,
            SourceIndex<D> source,
            TargetIndex<D> target) {
        try (MigrationPacers.Lease pace = pacers.open(task.id().migrationId(), spec.maxDocsPerSecond());
                TargetIndex.Writer<D> writer = target.writer()) {
            return TaskCancelledException.reportingSoFar(
                    () -> copyDocuments(slice, spec, source, writer, pace),
                    () -> CopyReport.stoppedPartWay(task.target(), step, writer.confirmed(), started, Instant.now()));
        }
    }

    private <D extends CopyDocument> Copied copyDocuments(
            Slice slice,
            CopySpec.CopySlice spec,
            SourceIndex<D> source,
            TargetIndex.Writer<D> writer,
            MigrationPacers.Lease pace) {
        ContentChecksum.Tally read = new ContentChecksum.Tally();
        long[] bytes = {0};
        long sourceWrites = source.writeCount();
        source.read(slice, pageSize(spec.maxDocsPerSecond(), slice), new SourceIndex.Reader<>() {
            @Override
            public void document(D document) {
                read.addDocument(document.digest());
                bytes[0] += document.bytes();
                if (document.large()) {
                    writer.writeAlone(document);
                } else {
                    writer.add(document);
                }
            }

            @Override
            public void pageEnded(int documents) {
                writer.pageEnded();
                pace.pacer().finished(documents);
            }
        });
        ContentChecksum written = writer.finish();
        return new Copied(read.total(), written, bytes[0], sourceWrites);
    }

    /**
     * Pages of {@link #PACED_PAGE_SECONDS} of the rate when throttled, shared by the index's slices that may run here
     * at once, at least one document. Pages are paced after they are read, so slices starting together run ahead of
     * the limit by about one page's seconds, which the pacer takes back from their next pages; an index copied by one
     * task reads whole pages, so a slow source answers as few of them as it can.
     */
    int pageSize(long maxDocsPerSecond, Slice slice) {
        if (maxDocsPerSecond <= 0) {
            return pageSize;
        }
        int sharing = slice == null ? 1 : Math.min(tasksAtOnce, slice.max());
        return (int) Math.max(1, Math.min(pageSize, maxDocsPerSecond * PACED_PAGE_SECONDS / sharing));
    }

    /**
     * Makes the target searchable, fingerprints it (once more after copying the whole index again, at the copy's rate,
     * when the target lost documents), restores its settings and, when it matches, write-blocks the source if asked;
     * then checks the source took no write the copy may have missed.
     */
    private <D extends CopyDocument> ContentChecksum verifyIndex(
            MigrationTask task,
            CopySpec.Verify spec,
            SourceIndex<D> source,
            TargetIndex<D> target,
            List<String> notes) {
        String migrationId = task.id().migrationId();
        String index = task.target();
        ContentChecksum onTarget = durableFingerprint(target);
        if (onTarget.documents() < spec.expected().documents()) {
            // The planner creates larger indices with their translog synced in the background: a target that stopped
            // uncleanly mid-copy (killed, out of memory) lost the bulks it had acknowledged but not synced, though the
            // slices that wrote them succeeded. Copying the index again writes only what is missing.
            long found = onTarget.documents();
            // Stopped by a cancel, this copy reports as a verification: its count is not the index's.
            copyDocuments(
                    task,
                    "verify",
                    Instant.now(),
                    null,
                    new CopySpec.CopySlice(spec.maxDocsPerSecond()),
                    source,
                    target);
            onTarget = durableFingerprint(target);
            notes.add("Copied the index again: the verification found " + found + " of its "
                    + spec.expected().documents() + " documents on the target, which loses writes not yet synced to"
                    + " disk when it stops uncleanly; " + onTarget.documents() + " after.");
        }
        if (!spec.restore().isEmpty()) {
            target.putSettings(spec.restore());
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
            source.seal();
            notes.add("Put a write block on the source index " + index + ".");
        }
        if (spec.sourceWritesBefore() != null) {
            SourceWriteCheck.checkUnchanged(index, source.writeCount(), spec, notes);
        }
        target.markVerified(migrationId);
        return onTarget;
    }
}
