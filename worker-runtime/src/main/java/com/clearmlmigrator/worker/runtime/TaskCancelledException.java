package com.clearmlmigrator.worker.runtime;

/**
 * Thrown into a running task once its migration is cancelled: the task stops at its next progress count, where what it
 * wrote is whole (a bulk confirmed, a relink batch journaled), and is answered skipped. Nobody performs the rest.
 */
public final class TaskCancelledException extends RuntimeException {
    public TaskCancelledException(String message) {
        super(message, null, false, false);
    }
}
