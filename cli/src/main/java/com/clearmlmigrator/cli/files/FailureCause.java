package com.clearmlmigrator.cli.files;

/** The cause of a store's client failure in the words the operator reads: the kind of failure, and its message. */
final class FailureCause {
    private FailureCause() {}

    /** {@code "SocketException: Connection reset"}, or the kind alone where there is no message. */
    static String of(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        // The JDK's client says "ConnectException" with no message when nothing listens at the address.
        return cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
