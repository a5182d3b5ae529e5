package com.clearmlmigrator.planner.migration;

import java.util.List;

import com.clearmlmigrator.contracts.MigrationTask;

/**
 * What planning one migration produced, for the lifecycle to record: planners return it and write nothing themselves.
 *
 * @param tasks    the tasks, in plan order; none for a dry run or when nothing matched
 * @param copyPlan an es-copy's plan (versions, indices, templates, sizes); null for the other kinds
 */
public record MigrationPlan(List<MigrationTask> tasks, StoredCopy.Plan copyPlan) {
    public MigrationPlan {
        tasks = List.copyOf(tasks);
    }

    /** A plan of tasks only. */
    public static MigrationPlan of(List<MigrationTask> tasks) {
        return new MigrationPlan(tasks, null);
    }

    /** This plan recorded on the migration it was made for. */
    public Migration appliedTo(Migration migration) {
        return copyPlan == null
                ? migration
                : migration.withCopy(migration.copy().withPlan(copyPlan));
    }
}
