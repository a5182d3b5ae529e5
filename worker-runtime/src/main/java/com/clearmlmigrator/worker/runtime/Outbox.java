package com.clearmlmigrator.worker.runtime;

import com.clearmlmigrator.contracts.TaskResult;

/** Where the intake sends what it produces; publishing returns once the broker has the record. */
public interface Outbox {
    /** Publishes a task's result, keyed by migration id so one migration's results stay in order. */
    void publishResult(TaskResult result);

    /** Publishes a task message that could not be handled, with the reason. */
    void publishDeadLetter(String payload, String reason);
}
