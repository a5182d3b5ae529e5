package com.clearmlmigrator.service.runtime;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import io.quarkus.logging.LoggingFilter;

/**
 * Lets through once a minute each line that the Kafka clients and SmallRye's Kafka connector repeat for as long as the
 * broker is away, instead of one or more a second and client or record, so that the lines saying what the outage means
 * ("The planner has lost Kafka", "Kafka did not take N tasks of migration ...") stay readable:
 * <ul>
 *   <li>the clients' warnings that the broker cannot be reached: a 10-minute outage on the dev stack wrote about 5,900
 *       of them in the three services' logs;
 *   <li>the connector's errors for each record it could not send: one per attempt, then one with a stack trace when it
 *       gives the record up. An es-copy submitted as the broker went away wrote 619 lines in 40 s for its 18 tasks, 504
 *       of them stack traces; a relink's 20,000 tasks would have written half a million.
 * </ul>
 * A line is told apart by its text before its arguments and its text arguments (they name the client, or the channel
 * and topic), so that every client's and channel's first one still shows, and one a minute after it. Every other line
 * goes through untouched.
 *
 * <p>Set on a handler with {@code quarkus.log.console.filter=kafka-outage-repeats}.
 */
@LoggingFilter(name = "kafka-outage-repeats")
public final class KafkaOutageRepeats implements Filter {
    static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    static final String KAFKA_CONNECTOR = "io.smallrye.reactive.messaging.kafka";
    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Map<String, Long> lastShown = new ConcurrentHashMap<>();

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message == null || !(isReconnectWarning(record, message) || isUnsentRecordError(record, message))) {
            return true;
        }
        long at = record.getMillis();
        boolean[] shown = {false};
        lastShown.compute(message + textArguments(record), (line, last) -> {
            if (last == null || at - last >= WINDOW_MILLIS) {
                shown[0] = true;
                return at;
            }
            return last;
        });
        return shown[0];
    }

    private static boolean isReconnectWarning(LogRecord record, String message) {
        return NETWORK_CLIENT.equals(record.getLoggerName())
                && record.getLevel().intValue() == Level.WARNING.intValue()
                && (message.contains("could not be established") || message.contains("disconnected"));
    }

    /** "Unable to write to Kafka from channel ..." and "Message ... was not sent to Kafka topic ... - nacking". */
    private static boolean isUnsentRecordError(LogRecord record, String message) {
        return KAFKA_CONNECTOR.equals(record.getLoggerName())
                && (message.startsWith("SRMSG18206") || message.startsWith("SRMSG18212"));
    }

    /** The arguments that are text, leaving out the record itself that the connector names (a new object each time). */
    private static String textArguments(LogRecord record) {
        Object[] arguments = record.getParameters();
        return arguments == null
                ? ""
                : Arrays.stream(arguments)
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .collect(Collectors.joining("|", "|", ""));
    }
}
