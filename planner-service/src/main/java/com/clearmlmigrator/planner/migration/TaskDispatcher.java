package com.clearmlmigrator.planner.migration;

import java.util.List;

import com.clearmlmigrator.contracts.MigrationTask;

/** Hands tasks to the workers. Returns once every task is safely with the broker. */
public interface TaskDispatcher {
    void dispatch(List<MigrationTask> tasks);

    /** True when credentials in tasks travel sealed, so migrations that use credentials may be accepted. */
    default boolean sealsSecrets() {
        return true;
    }
}
