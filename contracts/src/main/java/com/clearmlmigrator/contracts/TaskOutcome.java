package com.clearmlmigrator.contracts;

/** How a task ended. */
public enum TaskOutcome {
    SUCCEEDED,
    FAILED
}
