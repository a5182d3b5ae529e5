package com.clearmlmigrator.relink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkReport.DocumentIssue;
import com.clearmlmigrator.contracts.RelinkReport.ValueSample;
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
    private static final int SAMPLES_PER_FIELD = 3;
    private static final int MAX_ISSUES = 50;
    private static final int SAMPLE_LENGTH = 300;

    private final String taskId;
    private final String migrationId;
    private final String target;
    private final DocumentRelinker relinker;
    private final RelinkJournal journal;
    private final boolean dryRun;
    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private final List<ValueSample> samples = new ArrayList<>();
    private final List<DocumentIssue> issues = new ArrayList<>();
    private long scanned;
    private long documentsChanged;
    private long documentsChangedTold;
    private Boolean startedBefore;

    public RelinkPass(TaskId task, String target, DocumentRelinker relinker, RelinkJournal journal, boolean dryRun) {
        this.taskId = task.toString();
        this.migrationId = task.migrationId();
        this.target = target;
        this.relinker = relinker;
        this.journal = journal;
        this.dryRun = dryRun;
        relinker.reportedFields().forEach(field -> counts.put(field, new Counts()));
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
        scanned += batch.size();
        Map<String, JournalEntry> journaled =
                mayHaveJournaled() ? journal.find(migrationId, target, ids(batch)) : Map.of();
        List<PlannedWrite> writes = new ArrayList<>();
        List<PlannedWrite> rewrites = new ArrayList<>();
        for (StoredDocument document : batch) {
            JournalEntry earlier = journaled.get(document.id());
            if (earlier != null) {
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
                rewrite.changes().forEach(change -> sample(rewrite.document().id(), change));
                count(rewrite.changes(), c -> c.matched++);
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

    /** The document rewritten by the rules, or empty when nothing in it matches. Counts unreadable fields. */
    private Optional<PlannedWrite> rewrite(StoredDocument document) {
        DocumentRelinker.Outcome outcome = relinker.relink(document.source());
        outcome.unreadable().forEach(field -> issue(document.id(), field, relinker.unchangedBecause(field)));
        outcome.unreadable().forEach(field -> tally(field).failed++);
        outcome.alreadyNew().forEach((field, n) -> tally(field).alreadyNew += n);
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
        scanned += batch.size();
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
        count(entry.changes(), c -> c.failed++);
        issue(entry.documentId(), null, "no longer exists; nothing to restore");
    }

    /** Records how the store's conditional write of a planned document ended. */
    public void written(PlannedWrite write, PlannedWrite.Outcome outcome, String problem) {
        switch (outcome) {
            case WRITTEN -> {
                count(write.changes(), c -> c.changed++);
                documentsChanged++;
            }
            case CONFLICT -> {
                count(write.changes(), c -> c.conflicts++);
                issue(write.document().id(), null, "changed by someone else since it was read; left unchanged");
            }
            case COLLISION -> {
                count(write.changes(), c -> c.conflicts++);
                issue(write.document().id(), write.changes().get(0).rule(), problem);
            }
            case FAILED -> {
                count(write.changes(), c -> c.failed++);
                issue(write.document().id(), write.changes().get(0).rule(), problem);
            }
        }
    }

    /** Counts what references to the old prefix a document still holds after the work. */
    public void verify(StoredDocument document) {
        relinker.remaining(document.source()).forEach((field, n) -> tally(field).remaining += n);
    }

    /** Documents changed (written, or found written by an earlier delivery) since this was last asked: for progress. */
    public long changedSinceLastAsked() {
        long news = documentsChanged - documentsChangedTold;
        documentsChangedTold = documentsChanged;
        return news;
    }

    public RelinkReport report() {
        List<FieldTally> fields = counts.entrySet().stream()
                .map(e -> e.getValue().toTally(e.getKey(), scanned))
                .collect(Collectors.toList());
        return new RelinkReport(target, dryRun, fields, samples, issues);
    }

    private void reconcile(StoredDocument document, JournalEntry earlier, List<PlannedWrite> writes) {
        count(earlier.changes(), c -> c.matched++);
        switch (earlier.stateOf(document.source())) {
            case TO_APPLY -> writes.add(new PlannedWrite(document, earlier.changes()));
            case APPLIED -> {
                count(earlier.changes(), c -> c.changed++);
                documentsChanged++;
            }
            case CONFLICT -> {
                count(earlier.changes(), c -> c.conflicts++);
                issue(document.id(), null, "changed by someone else since this migration journaled it; left unchanged");
            }
        }
    }

    /** Counts each value the changes make once: a plot's length follows its plot, an entry's fields are one entry. */
    private void count(List<FieldChange> changes, java.util.function.Consumer<Counts> update) {
        Map<String, String> rulesByValue = new LinkedHashMap<>();
        changes.stream()
                .filter(c -> !c.rule().equals(DocumentRelinker.PLOT_LEN))
                .forEach(c -> rulesByValue.putIfAbsent(relinker.valueOf(c), c.rule()));
        rulesByValue.values().forEach(rule -> update.accept(tally(rule)));
    }

    private Counts tally(String field) {
        return counts.computeIfAbsent(field, f -> new Counts());
    }

    private void sample(String documentId, FieldChange change) {
        long taken =
                samples.stream().filter(s -> s.field().equals(change.rule())).count();
        if (taken < SAMPLES_PER_FIELD
                && change.before() instanceof String before
                && change.after() instanceof String after) {
            samples.add(new ValueSample(change.rule(), documentId, shorten(before), shorten(after)));
        }
    }

    private void issue(String documentId, String field, String problem) {
        if (issues.size() < MAX_ISSUES) {
            issues.add(new DocumentIssue(documentId, field, problem));
        }
    }

    private static String shorten(String value) {
        return value.length() <= SAMPLE_LENGTH ? value : value.substring(0, SAMPLE_LENGTH) + "...";
    }

    /** Mutable counters of one field while the pass runs. */
    private static final class Counts {
        long matched;
        long changed;
        long conflicts;
        long failed;
        long remaining;
        long alreadyNew;

        FieldTally toTally(String field, long scanned) {
            return new FieldTally(field, scanned, matched, changed, conflicts, failed, remaining, alreadyNew);
        }
    }
}
