package com.clearmlmigrator.worker.runtime;

import java.util.Optional;

import com.clearmlmigrator.contracts.MigrationClosed;

/** Whether a task's migration still wants it done. */
public interface MigrationStatuses {
    /**
     * What the planner last announced of the migration: cancelled, or ended in a final status; empty while it runs. Its
     * {@link MigrationClosed#stops} tells whether a task must be left alone.
     */
    Optional<MigrationClosed> closure(String migrationId);
}
