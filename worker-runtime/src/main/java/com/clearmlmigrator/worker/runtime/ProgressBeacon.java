package com.clearmlmigrator.worker.runtime;

import com.clearmlmigrator.contracts.TaskId;

/** Tells the planner how far running tasks have come. Best effort: it never slows or fails a task. */
public interface ProgressBeacon {
    /** A counter for one handling of a task, which starts now. */
    Counter start(TaskId task);

    /** Counts a task's finished documents and publishes the running total now and then. Not thread-safe. */
    interface Counter {
        void add(long documents);
    }
}
