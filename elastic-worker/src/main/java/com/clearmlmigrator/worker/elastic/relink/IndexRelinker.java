package com.clearmlmigrator.worker.elastic.relink;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;

/** Rewrites references in one slice of one index. */
public interface IndexRelinker {
    /**
     * Applies (or, for a dry run, only counts) the task's relink. Performing the same task again changes nothing more:
     * the journal records every change before it is written.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the cluster is unreachable or refuses
     */
    RelinkReport relink(MigrationTask task);

    /**
     * Restores, from the journal of the relink named in the task, the values that relink changed in the index. A value
     * changed by someone else since is reported as a conflict and left alone; performing the task again changes nothing
     * more.
     */
    RelinkReport undo(MigrationTask task);
}
