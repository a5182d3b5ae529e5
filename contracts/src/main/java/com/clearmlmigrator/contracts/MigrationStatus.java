package com.clearmlmigrator.contracts;

/** Life cycle of a migration, as the REST API and the progress topic show it. */
public enum MigrationStatus {
    /** Accepted; the planner is listing what to do. */
    PLANNING,
    /** Tasks are out with the workers. */
    RUNNING,
    /**
     * Waiting for the operator: a task met a write block or a full disk on the target. Nothing was skipped; lift the
     * block and {@code POST /migrations/{id}/retry} to go on.
     */
    PAUSED,
    /** Every task succeeded. */
    SUCCEEDED,
    /** Every task ended, and at least one failed. */
    COMPLETED_WITH_ERRORS,
    /** The migration could not run at all, for example because a store was unreachable during planning. */
    FAILED,
    /** Stopped on request. */
    CANCELLED;

    /** True when nothing more will happen to a migration in this status. */
    public boolean isFinal() {
        return this != PLANNING && this != RUNNING && this != PAUSED;
    }
}
