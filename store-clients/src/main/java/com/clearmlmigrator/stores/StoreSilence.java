package com.clearmlmigrator.stores;

import java.io.InterruptedIOException;

import com.mongodb.MongoSocketReadTimeoutException;

/**
 * A store that took a request and never answered it within the answer timeout (its process frozen, a node lost in a
 * long garbage collection), as against one that refused the connection or answered with an error. The difference
 * matters to the time a retry costs: a refusal comes back at once, silence only after the whole timeout (two minutes
 * for Elasticsearch, five for MongoDB reads).
 */
public final class StoreSilence {
    private StoreSilence() {}

    /** Whether the failure, or one of its causes, is a request that went unanswered. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // SocketTimeoutException and the Elasticsearch client's own timeouts are InterruptedIOExceptions.
            if (cause instanceof InterruptedIOException || cause instanceof MongoSocketReadTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
