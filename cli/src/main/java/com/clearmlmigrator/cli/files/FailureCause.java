package com.clearmlmigrator.cli.files;

/** The cause of a store's client failure in the words the operator reads: the kind of failure, and its message. */
final class FailureCause {
    private FailureCause() {}

    /**
     * What a request that failed after the store had answered is told as: its address and credentials were right, so
     * it met the network or the store failing midway.
     *
     * @param store {@code "the S3 server"}, {@code "Azure Blob Storage"}
     */
    static String midway(String store, Object location, Exception e) {
        return "the connection to " + store + " for " + location + " failed midway (" + of(e) + ")";
    }

    /** {@code "SocketException: Connection reset"}, or the kind alone where there is no message. */
    static String of(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        // The JDK's client says "ConnectException" with no message when nothing listens at the address.
        return cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
