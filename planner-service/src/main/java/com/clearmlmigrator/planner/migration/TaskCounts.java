package com.clearmlmigrator.planner.migration;

import com.clearmlmigrator.contracts.MigrationStatus;

/**
 * How a migration's tasks stand, derived from the task records (never kept as counters that could drift).
 *
 * @param total     planned tasks
 * @param succeeded tasks whose first result succeeded
 * @param failed    tasks whose first result failed
 * @param skipped   tasks of a cancelled migration that were never started
 * @param pending   tasks without a result: not yet sent, waiting in Kafka, or under way
 */
public record TaskCounts(int total, int succeeded, int failed, int skipped, int pending) {
    public static final TaskCounts NONE = new TaskCounts(0, 0, 0, 0, 0);

    public TaskCounts {
        if (total != succeeded + failed + skipped + pending) {
            throw new IllegalArgumentException("counts do not add up: " + total + " != " + succeeded + " + " + failed
                    + " + " + skipped + " + " + pending);
        }
    }

    public static TaskCounts of(int succeeded, int failed, int skipped, int pending) {
        return new TaskCounts(succeeded + failed + skipped + pending, succeeded, failed, skipped, pending);
    }

    /** The status these counts imply for a migration whose tasks are all dispatched. */
    public MigrationStatus impliedStatus() {
        if (pending > 0) {
            return MigrationStatus.RUNNING;
        }
        return failed > 0 ? MigrationStatus.COMPLETED_WITH_ERRORS : MigrationStatus.SUCCEEDED;
    }
}
