package com.clearmlmigrator.worker.runtime;

/** Whether a task's migration still wants it done. */
public interface MigrationStatuses {
    /** True when the migration was cancelled: its tasks that have not started are skipped. */
    boolean isCancelled(String migrationId);
}
