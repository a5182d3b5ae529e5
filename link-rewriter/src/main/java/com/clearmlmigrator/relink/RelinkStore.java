package com.clearmlmigrator.relink;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one part of a collection or index that a relink or undo task works on, as {@link RelinkEngine} needs it: reads in
 * batches, conditional writes, and nothing about the protocol between them. Adapters exist for MongoDB and
 * Elasticsearch; reads and writes may fail with {@link com.clearmlmigrator.contracts.TaskFailedException}.
 */
public interface RelinkStore {
    /** Reads every document of the part, in batches, for the pass that rewrites them. */
    void scan(Consumer<List<StoredDocument>> batches);

    /**
     * Performs the planned conditional writes and reports how each ended to {@link RelinkPass#written}. A store may
     * still be writing when this returns, as long as the outcomes are reported on the caller's thread, by the next call
     * or by {@link #flush}.
     */
    void write(List<PlannedWrite> writes, RelinkPass pass);

    /** Waits for every write to end, reports their outcomes, and makes them visible to the reads that follow. */
    void flush();

    /** Reads the part again for verification: at least every document that may still hold an old value. */
    void scanToVerify(Consumer<List<StoredDocument>> batches);

    /** Reads, in batches, the documents that these journal entries name; documents that are gone are left out. */
    void fetch(Collection<JournalEntry> entries, Consumer<List<StoredDocument>> batches);
}
