package com.clearmlmigrator.worker.mongo.relink;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;

/** Rewrites references in one id range of one collection. */
public interface CollectionRelinker {
    /**
     * Applies (or, for a dry run, only counts) the task's relink. Performing the same task again changes nothing more:
     * the journal records every change before it is written.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the server is unreachable or refuses
     */
    RelinkReport relink(MigrationTask task);

    /**
     * Restores, from the journal of the relink named in the task, the values that relink changed in the collection. A
     * value changed by someone else since is reported as a conflict and left alone; performing the task again changes
     * nothing more.
     */
    RelinkReport undo(MigrationTask task);
}
