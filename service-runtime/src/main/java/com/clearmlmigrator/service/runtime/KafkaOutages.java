package com.clearmlmigrator.service.runtime;

import org.apache.kafka.common.errors.RetriableException;

/** Which failures of a send to Kafka mean the broker is away for now, rather than that the record can never go. */
public final class KafkaOutages {
    private KafkaOutages() {}

    /**
     * True when Kafka's own client says the send may succeed later (the broker unreachable, a topic's metadata or leader
     * missing, a delivery timeout), wherever SmallRye wrapped it ("Retries exhausted" around a {@code
     * TimeoutException}); false for a record too large or one that cannot be serialized, which no wait cures.
     */
    public static boolean isBrokerAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** What Kafka's client said, under SmallRye's wrapping: the sentence of the innermost cause. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
