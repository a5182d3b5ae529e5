package com.clearmlmigrator.worker.runtime;

/**
 * Thrown into a running task once its lease has passed to another worker: that worker now performs the task and will
 * publish its result, so this one stops at its next progress count and publishes nothing.
 */
public final class TaskLostException extends RuntimeException {
    public TaskLostException(String message) {
        super(message, null, false, false);
    }
}
