package com.clearmlmigrator.relink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.TaskId;

/**
 * One relink task's work on its part of a collection or index, independent of the store:
 *
 * <ol>
 *   <li>{@link #plan} a batch: documents journaled by an earlier delivery are reconciled against the journal (applied,
 *       already applied, or conflict); the others are rewritten by the rules and journaled before any write;
 *   <li>the store performs the planned conditional writes and reports each outcome to {@link #written};
 *   <li>the store reads its part again and passes every document to {@link #verify};
 *   <li>{@link #report} sums it up.
 * </ol>
 *
 * A dry run plans and counts but journals and writes nothing. Not thread-safe: one pass per task.
 */
public final class RelinkPass {
    private final String taskId;
    private final String migrationId;
    private final String target;
    private final DocumentRelinker relinker;
    private final RelinkJournal journal;
    private final boolean dryRun;
    private final RelinkTally tally;
    private Boolean startedBefore;

    public RelinkPass(TaskId task, String target, DocumentRelinker relinker, RelinkJournal journal, boolean dryRun) {
        this.taskId = task.toString();
        this.migrationId = task.migrationId();
        this.target = target;
        this.relinker = relinker;
        this.journal = journal;
        this.dryRun = dryRun;
        this.tally = new RelinkTally(relinker);
    }

    /** True when no rule applies to this part, so there is nothing to read. */
    public boolean rewritesNothing() {
        return relinker.rewritesNothing();
    }

    /** True when an undo of this relink's part has begun: a delivery of its task now must leave the part alone. */
    public boolean wasUndone() {
        return !dryRun && journal.isUndone(migrationId, target);
    }

    /** The conditional writes a batch needs; journal entries are recorded before this returns. */
    public List<PlannedWrite> plan(List<StoredDocument> batch) {
        tally.scanned(batch.size());
        Map<String, JournalEntry> journaled =
                mayHaveJournaled() ? journal.find(migrationId, target, ids(batch)) : Map.of();
        List<PlannedWrite> writes = new ArrayList<>();
        List<PlannedWrite> rewrites = new ArrayList<>();
        for (StoredDocument document : batch) {
            JournalEntry earlier = journaled.get(document.id());
            if (earlier != null) {
                countAlreadyNewBefore(document, earlier);
                reconcile(document, earlier, writes);
            } else {
                rewrite(document).ifPresent(rewrites::add);
            }
        }
        // A second copy of this task may have journaled some of them since the lookup: its entries are the ones kept.
        Map<String, JournalEntry> kept = dryRun || rewrites.isEmpty() ? Map.of() : journal.record(entries(rewrites));
        for (PlannedWrite rewrite : rewrites) {
            JournalEntry earlier = kept.get(rewrite.document().id());
            if (earlier != null) {
                reconcile(rewrite.document(), earlier, writes);
            } else {
                rewrite.changes()
                        .forEach(change -> tally.sample(rewrite.document().id(), change));
                tally.count(rewrite.changes(), c -> c.matched++);
                writes.add(rewrite);
            }
        }
        return dryRun ? List.of() : writes;
    }

    /**
     * Whether earlier deliveries of this task may have journaled documents of its part. Asked once per task: a task
     * that starts for the first time skips looking up every batch in the journal, which was a third of the journal
     * time of a relink of 100k debug images (sampled stacks).
     */
    private boolean mayHaveJournaled() {
        if (dryRun) {
            return false;
        }
        if (startedBefore == null) {
            startedBefore = !journal.markStarted(taskId);
        }
        return startedBefore;
    }

    /**
     * Counts what the document held of the new prefix before this migration changed it, as its first delivery did: an
     * earlier delivery may have written it since, and what it wrote is this migration's own change.
     */
    private void countAlreadyNewBefore(StoredDocument document, JournalEntry earlier) {
        Map<String, Object> before = switch (earlier.stateOf(document.source())) {
            case TO_APPLY -> document.source();
            case APPLIED -> earlier.before(document.source());
            case CONFLICT -> null; // someone else changed it since: what it held is not known
        };
        if (before != null) {
            relinker.relink(before).alreadyNew().forEach((field, n) -> tally.field(field).alreadyNew += n);
        }
    }

    /** The document rewritten by the rules, or empty when nothing in it matches. Counts unreadable fields. */
    private Optional<PlannedWrite> rewrite(StoredDocument document) {
        DocumentRelinker.Outcome outcome = relinker.relink(document.source());
        outcome.unreadable().forEach(field -> tally.issue(document.id(), field, relinker.unchangedBecause(field)));
        outcome.unreadable().forEach(field -> tally.field(field).failed++);
        outcome.alreadyNew().forEach((field, n) -> tally.field(field).alreadyNew += n);
        return outcome.changes().isEmpty()
                ? Optional.empty()
                : Optional.of(new PlannedWrite(document, outcome.changes()));
    }

    private List<JournalEntry> entries(List<PlannedWrite> rewrites) {
        return rewrites.stream()
                .map(w -> new JournalEntry(
                        migrationId,
                        target,
                        w.document().id(),
                        w.changes(),
                        w.document().routing()))
                .toList();
    }

    private static List<String> ids(List<StoredDocument> batch) {
        return batch.stream().map(StoredDocument::id).toList();
    }

    /**
     * The conditional writes that restore a batch to the values a relink journaled: {@code reversed} holds the
     * journal entries of the batch's documents, already reversed. Documents changed by someone else since the relink
     * are reported as conflicts and left alone; documents already restored are counted and skipped.
     */
    public List<PlannedWrite> planUndo(List<StoredDocument> batch, Map<String, JournalEntry> reversed) {
        tally.scanned(batch.size());
        List<PlannedWrite> writes = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (StoredDocument document : batch) {
            JournalEntry entry = reversed.get(document.id());
            if (entry != null) {
                found.add(document.id());
                reconcile(document, entry, writes);
            }
        }
        reversed.values().stream().filter(e -> !found.contains(e.documentId())).forEach(this::missing);
        return writes;
    }

    /** A batch of a relink's journal, reversed and by document id, ready for {@link #planUndo}. */
    public static Map<String, JournalEntry> reversed(List<JournalEntry> entries) {
        Map<String, JournalEntry> batch = new LinkedHashMap<>();
        entries.forEach(entry -> batch.put(entry.documentId(), entry.reversed()));
        return batch;
    }

    /** A journaled document that no longer exists. */
    private void missing(JournalEntry entry) {
        tally.count(entry.changes(), c -> c.failed++);
        tally.issue(entry.documentId(), null, "no longer exists; nothing to restore");
    }

    /** Records how the store's conditional write of a planned document ended. */
    public void written(PlannedWrite write, PlannedWrite.Outcome outcome, String problem) {
        switch (outcome) {
            case WRITTEN -> {
                tally.changed(tally.count(write.changes(), c -> c.changed++));
            }
            case CONFLICT -> {
                tally.count(write.changes(), c -> c.conflicts++);
                tally.issue(write.document().id(), null, "changed by someone else since it was read; left unchanged");
            }
            case COLLISION -> {
                tally.count(write.changes(), c -> c.conflicts++);
                tally.issue(write.document().id(), write.changes().get(0).rule(), problem);
            }
            case FAILED -> {
                tally.count(write.changes(), c -> c.failed++);
                tally.issue(write.document().id(), write.changes().get(0).rule(), problem);
            }
        }
    }

    /** Counts what references to the old prefix a document still holds after the work. */
    public void verify(StoredDocument document) {
        relinker.remaining(document.source()).forEach((field, n) -> tally.field(field).remaining += n);
    }

    /** Values changed (written, or found written by an earlier delivery) since this was last asked: for progress. */
    public long changedSinceLastAsked() {
        return tally.changedSinceLastAsked();
    }

    public RelinkReport report() {
        return tally.report(target, dryRun);
    }

    private void reconcile(StoredDocument document, JournalEntry earlier, List<PlannedWrite> writes) {
        tally.count(earlier.changes(), c -> c.matched++);
        switch (earlier.stateOf(document.source())) {
            case TO_APPLY -> writes.add(new PlannedWrite(document, earlier.changes()));
            case APPLIED -> {
                tally.changed(tally.count(earlier.changes(), c -> c.changed++));
            }
            case CONFLICT -> {
                tally.count(earlier.changes(), c -> c.conflicts++);
                tally.issue(
                        document.id(),
                        null,
                        "changed by someone else since this migration journaled it; left unchanged");
            }
        }
    }
}
