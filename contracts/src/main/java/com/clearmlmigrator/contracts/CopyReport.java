package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an Elasticsearch copy task did.
 *
 * @param target     the index (or, for the preparation, the first index) the task worked on
 * @param step       the copy step: {@code prepare}, {@code copy-slice} or {@code verify}
 * @param source     fingerprint of what was read on the source: a slice for a copy, the whole index for a verification
 *                   (as the copy slices summed it); null for the preparation
 * @param copied     fingerprint of what is on the target: the documents written for a copy, the whole target index
 *                   for a verification; null for the preparation
 * @param sourceWrites the source index's write count ({@link CopySpec.Verify#sourceWritesBefore}) read before the
 *                   copy's scroll opened; null for other steps, or from a worker that did not read it
 * @param bytes      bytes of source JSON copied; 0 for other steps
 * @param created    indices created, for the preparation
 * @param notes      what else happened (templates put, indices replaced, source write-blocked), one sentence each
 * @param startedAt  when the worker started the task
 * @param finishedAt when it finished
 */
public record CopyReport(
        String target,
        String step,
        ContentChecksum source,
        ContentChecksum copied,
        Long sourceWrites,
        long bytes,
        List<String> created,
        List<String> notes,
        Instant startedAt,
        Instant finishedAt)
        implements TaskReport {
    public CopyReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(step, "step");
        created = created == null ? List.of() : List.copyOf(created);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * The report of a copy step a cancel stopped part-way: what the target had confirmed by then, nothing of the source.
     */
    public static CopyReport stoppedPartWay(
            String target, String step, ContentChecksum confirmed, Instant startedAt, Instant stoppedAt) {
        return new CopyReport(target, step, null, confirmed, null, 0, List.of(), List.of(), startedAt, stoppedAt);
    }

    /**
     * The documents this step wrote to the target: a slice's or a whole index's copy, also when a cancel stopped it
     * part-way; 0 for the other steps (a verification reads what the slices copied again).
     */
    public long documentsCopied() {
        return (step.equals("copy-slice") || step.equals("copy-index")) && copied != null ? copied.documents() : 0;
    }
}
