package com.clearmlmigrator.relink;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where relink records the previous content of every value before overwriting it. Lives in the migrator's own
 * database, never in ClearML's documents.
 */
public interface RelinkJournal {
    /** The entries of these documents, by document id; documents without an entry are absent. */
    Map<String, JournalEntry> find(String migrationId, String target, Collection<String> documentIds);

    /**
     * Records entries of one migration and target. An entry that exists already is kept unchanged, so recording again
     * is harmless; the entries kept are returned, by document id, because their documents must then be reconciled with
     * them instead of rewritten.
     */
    Map<String, JournalEntry> record(List<JournalEntry> entries);

    /**
     * Marks a relink task as started. False when it had been started before: a redelivery, a retry or a second copy
     * of the same task, which may find journal entries of its documents; true the first time, when none can exist yet.
     */
    boolean markStarted(String taskId);

    /**
     * Records that an undo of one relink's part has begun. From then on a task of that relink delivered again (Kafka
     * redelivers a task whose offset was not committed; a crashed worker's task is taken over) leaves the part alone:
     * performed again, it would rewrite every value the undo restores. Recording again is harmless.
     */
    void markUndone(String relinkId, String target);

    /** Whether an undo of this relink's part has begun ({@link #markUndone}). */
    boolean isUndone(String relinkId, String target);

    /**
     * Every entry of one migration and target, for undo, handed to {@code work} in batches of at most {@code size} as
     * they are read: a relink of millions of documents is undone without holding its journal in memory.
     */
    void forEachBatch(String migrationId, String target, int size, Consumer<List<JournalEntry>> work);
}
