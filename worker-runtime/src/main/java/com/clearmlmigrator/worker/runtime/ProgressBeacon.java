package com.clearmlmigrator.worker.runtime;

import com.clearmlmigrator.contracts.TaskId;

/**
 * Where a running task counts how far it has come. The worker's heartbeat reads the counts every few seconds and tells
 * the planner; counting costs the task nothing more than an addition.
 */
public interface ProgressBeacon {
    /** The counter of a task this worker is performing now; a counter that goes nowhere for any other task. */
    Counter counter(TaskId task);

    /**
     * Counts a running task's progress. Each call is also where a task learns that it must stop: when another worker
     * has taken its lease over (this one was frozen or cut off for longer than the lease), it throws {@link
     * TaskLostException}.
     */
    interface Counter {
        /** Documents finished: scanned by a relink, copied by a copy. */
        void add(long documents);

        /** Values a relink rewrote, as its report counts them. */
        default void addChanged(long values) {}

        /**
         * The task's store answered a read that counts nothing (a relink's verifying read): the heartbeat then says the
         * store answers, where it would show a long verification as a store that does not.
         */
        default void answered() {}
    }
}
