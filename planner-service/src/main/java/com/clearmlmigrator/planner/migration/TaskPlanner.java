package com.clearmlmigrator.planner.migration;

/** Splits one kind of migration into tasks. Planning the same order again yields the same task ids. */
public interface TaskPlanner {
    /**
     * @throws com.clearmlmigrator.contracts.TaskFailedException when a store cannot be listed
     */
    MigrationPlan plan(String migrationId, MigrationOrder order);
}
