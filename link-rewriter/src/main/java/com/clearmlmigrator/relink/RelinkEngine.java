package com.clearmlmigrator.relink;

import java.util.Map;

import com.clearmlmigrator.contracts.RelinkReport;

/**
 * The relink protocol of one task, the same for every store: read the part in batches, let the {@link RelinkPass}
 * journal and plan each batch, write the plan conditionally, then read the part again and verify it. Undo walks the
 * journal of the relink it reverses instead of the part. Which documents, in which batches, how writes travel: the
 * {@link RelinkStore} decides; what is changed, journaled and reported: the pass.
 */
public final class RelinkEngine {
    private RelinkEngine() {}

    /**
     * Relinks the store's part (or, for a dry run, only counts): performing it again changes nothing more, and once an
     * undo of the part has begun, nothing at all.
     */
    public static RelinkReport relink(RelinkPass pass, RelinkStore store, RelinkProgress progress) {
        if (pass.rewritesNothing() || pass.wasUndone()) {
            return pass.report();
        }
        store.scan(batch -> {
            store.write(pass.plan(batch), pass);
            progress.scanned(batch.size());
            progress.changed(pass.changedSinceLastAsked());
        });
        store.flush();
        progress.changed(pass.changedSinceLastAsked());
        store.scanToVerify(batch -> {
            batch.forEach(pass::verify);
            progress.answered();
        });
        return pass.report();
    }

    /**
     * Restores what the relink {@code relinkId} changed in the store's part, {@code batchSize} journal entries at a
     * time. A value changed by someone else since is a conflict and left alone; performing it again changes nothing.
     */
    public static RelinkReport undo(
            RelinkPass pass,
            RelinkJournal journal,
            String relinkId,
            String target,
            int batchSize,
            RelinkStore store,
            RelinkProgress progress) {
        // Before the first restored value: a task of the relink delivered again from now on must not relink it anew.
        journal.markUndone(relinkId, target);
        journal.forEachBatch(relinkId, target, batchSize, entries -> {
            Map<String, JournalEntry> reversed = RelinkPass.reversed(entries);
            store.fetch(reversed.values(), documents -> {
                store.write(pass.planUndo(documents, reversed), pass);
                progress.scanned(documents.size());
                progress.changed(pass.changedSinceLastAsked());
            });
        });
        store.flush();
        progress.changed(pass.changedSinceLastAsked());
        return pass.report();
    }
}
