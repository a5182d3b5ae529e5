package com.clearmlmigrator.contracts;

/** How a task ended. */
public enum TaskOutcome {
    SUCCEEDED,
    FAILED,
    /**
     * Not done, because its migration was cancelled: before the task started, and it changed nothing; or while it ran,
     * and it stopped part-way (a relink's result then reports what it changed until then).
     */
    SKIPPED
}
