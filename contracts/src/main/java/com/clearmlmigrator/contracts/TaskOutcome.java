package com.clearmlmigrator.contracts;

/** How a task ended. */
public enum TaskOutcome {
    SUCCEEDED,
    FAILED,
    /** Not done, because its migration was cancelled before the task started; it changed nothing. */
    SKIPPED
}
