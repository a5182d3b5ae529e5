package com.clearmlmigrator.worker.runtime;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskReport;

/**
 * What a worker does with one task. Each worker provides exactly one implementation.
 *
 * <p>Kafka delivers at least once, so performing the same task again must leave the data as the first time left it.
 * Expected failures are thrown as {@link com.clearmlmigrator.contracts.TaskFailedException}; anything else is treated as
 * a bug.
 */
public interface TaskPerformer {
    TaskReport perform(MigrationTask task);
}
