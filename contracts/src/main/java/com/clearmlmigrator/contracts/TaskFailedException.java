package com.clearmlmigrator.contracts;

import java.util.Objects;

/**
 * An expected failure of a task, in the closed taxonomy of {@link FailureReason}. Its message is one sentence a user can
 * act on; it never holds a stack trace or a credential, because it travels to the user in a {@link TaskResult}.
 */
public class TaskFailedException extends RuntimeException {
    private final FailureReason reason;
    private final Remedy remedy;

    public TaskFailedException(FailureReason reason, String message) {
        this(reason, message, (Remedy) null);
    }

    /** A failure whose sentence says what to fix, after which the operator takes {@code remedy}. */
    public TaskFailedException(FailureReason reason, String message, Remedy remedy) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.remedy = remedy;
    }

    public TaskFailedException(FailureReason reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    public TaskFailedException(FailureReason reason, String message, Remedy remedy, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.remedy = remedy;
    }

    public FailureReason reason() {
        return reason;
    }

    /** What to do once the cause is fixed; null when the sentence says all. */
    public Remedy remedy() {
        return remedy;
    }
}
