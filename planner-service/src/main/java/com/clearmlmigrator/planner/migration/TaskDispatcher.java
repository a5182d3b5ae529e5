package com.clearmlmigrator.planner.migration;

import java.util.List;

import com.clearmlmigrator.contracts.MigrationTask;

/** Hands tasks to the workers. Returns once every task is safely with the broker. */
public interface TaskDispatcher {
    /** @throws UnavailableException when the broker is away: none of the tasks may be counted as sent */
    void dispatch(List<MigrationTask> tasks);

    /**
     * The broker did not take the tasks, and may later: they stay unsent in the store and are sent once it is back
     * ({@code UnsentTasks}). Some may have reached it all the same; tasks are idempotent, so one sent twice is harmless.
     */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** True when credentials in tasks travel sealed, so migrations that use credentials may be accepted. */
    default boolean sealsSecrets() {
        return true;
    }
}
