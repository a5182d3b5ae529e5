package com.clearmlmigrator.contracts;

import java.util.Objects;

/**
 * An expected failure of a task, in the closed taxonomy of {@link FailureReason}. Its message is one sentence a user can
 * act on; it never holds a stack trace or a credential, because it travels to the user in a {@link TaskResult}.
 */
public class TaskFailedException extends RuntimeException {
    private final FailureReason reason;

    public TaskFailedException(FailureReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public TaskFailedException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FailureReason reason() {
        return reason;
    }
}
