package com.clearmlmigrator.planner.migration;

import java.util.List;

import com.clearmlmigrator.contracts.MigrationTask;

/**
 * What planning one migration produced, for the lifecycle to record: planners return it and write nothing themselves.
 *
 * @param tasks    the tasks, in plan order; none for a dry run or when nothing matched
 * @param copyPlan an es-copy's plan (versions, indices, templates, sizes); null for the other kinds
 * @param planned  the documents each collection and index to scan held, as counted for the plan; empty when the planner
 *                 does not count them
 */
public record MigrationPlan(
        List<MigrationTask> tasks, StoredCopy.Plan copyPlan, List<Migration.PlannedDocuments> planned) {
    public MigrationPlan {
        tasks = List.copyOf(tasks);
        planned = List.copyOf(planned);
    }

    /** A plan of tasks only. */
    public static MigrationPlan of(List<MigrationTask> tasks) {
        return new MigrationPlan(tasks, null, List.of());
    }

    /** A plan of tasks over collections and indices of these sizes. */
    public static MigrationPlan of(List<MigrationTask> tasks, List<Migration.PlannedDocuments> planned) {
        return new MigrationPlan(tasks, null, planned);
    }

    /** An es-copy's plan. */
    public static MigrationPlan ofCopy(List<MigrationTask> tasks, StoredCopy.Plan copyPlan) {
        return new MigrationPlan(tasks, copyPlan, List.of());
    }

    /** This plan recorded on the migration it was made for. */
    public Migration appliedTo(Migration migration) {
        Migration counted = migration.withPlanned(planned);
        return copyPlan == null ? counted : counted.withCopy(counted.copy().withPlan(copyPlan));
    }
}
