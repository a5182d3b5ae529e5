package com.clearmlmigrator.worker.runtime;

import java.util.function.Supplier;

import com.clearmlmigrator.contracts.TaskReport;

/**
 * Thrown into a running task once its migration is cancelled: the task stops at its next progress count, where what it
 * wrote is whole (a bulk confirmed, a relink batch journaled), and is answered skipped, with what it did so far when its
 * handler could say. Nobody performs the rest.
 */
public final class TaskCancelledException extends RuntimeException {
    private final transient TaskReport soFar;

    public TaskCancelledException(String message) {
        this(message, null);
    }

    private TaskCancelledException(String message, TaskReport soFar) {
        super(message, null, false, false);
        this.soFar = soFar;
    }

    /**
     * Performs {@code work}; when a cancellation stops it, the cancellation carries {@code soFar}'s report of what was
     * done until then, so that the migration's report counts what a part stopped part-way changed.
     */
    public static <R> R reportingSoFar(Supplier<R> work, Supplier<? extends TaskReport> soFar) {
        try {
            return work.get();
        } catch (TaskCancelledException e) {
            throw new TaskCancelledException(e.getMessage(), soFar.get());
        }
    }

    /** This cancellation, carrying {@code report} of what the task did until it stopped. */
    TaskCancelledException withSoFar(TaskReport report) {
        return report == soFar ? this : new TaskCancelledException(getMessage(), report);
    }

    /** What the task did before it stopped; null when its handler does not say. */
    public TaskReport soFar() {
        return soFar;
    }
}
