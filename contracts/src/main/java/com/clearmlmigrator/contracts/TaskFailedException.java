package com.clearmlmigrator.contracts;

import java.util.Objects;

/**
 * An expected failure of a task, in the closed taxonomy of {@link FailureReason}. Its message is one sentence a user can
 * act on; it never holds a stack trace or a credential, because it travels to the user in a {@link TaskResult}.
 */
public class TaskFailedException extends RuntimeException {
    private final FailureReason reason;
    private final Remedy remedy;
    private final transient TaskReport soFar;

    public TaskFailedException(FailureReason reason, String message) {
        this(reason, message, (Remedy) null);
    }

    /** A failure whose sentence says what to fix, after which the operator takes {@code remedy}. */
    public TaskFailedException(FailureReason reason, String message, Remedy remedy) {
        this(reason, message, remedy, null, null);
    }

    public TaskFailedException(FailureReason reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    public TaskFailedException(FailureReason reason, String message, Remedy remedy, Throwable cause) {
        this(reason, message, remedy, cause, null);
    }

    private TaskFailedException(
            FailureReason reason, String message, Remedy remedy, Throwable cause, TaskReport soFar) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.remedy = remedy;
        this.soFar = soFar;
    }

    /**
     * This failure, carrying what the task did before it (a relink's counts of the values it changed): the migration's
     * report then counts what a failed part wrote, which its undo restores. Reason, sentence and remedy stay.
     */
    public TaskFailedException withSoFar(TaskReport report) {
        return report == soFar ? this : new TaskFailedException(reason, getMessage(), remedy, this, report);
    }

    public FailureReason reason() {
        return reason;
    }

    /** What to do once the cause is fixed; null when the sentence says all. */
    public Remedy remedy() {
        return remedy;
    }

    /** What the task did before it failed; null when its handler does not say, or did nothing. */
    public TaskReport soFar() {
        return soFar;
    }
}
