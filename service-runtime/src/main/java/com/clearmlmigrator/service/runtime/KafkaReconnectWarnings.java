package com.clearmlmigrator.service.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Lets through each of the Kafka clients' warnings that the broker cannot be reached once a minute, instead of one or
 * more a second and client for as long as it is away: a 10-minute outage on the dev stack wrote about 5,900 of them in
 * the three services' logs, burying the lines that say what it means ("The planner has lost Kafka", "Kafka did not take
 * the result of task ..."). A warning is told apart by its text before its arguments, which names the client, so every
 * client's first one still shows, and one a minute after it.
 *
 * <p>Set on a handler with {@code quarkus.log.console.filter=kafka-reconnects}.
 */
@LoggingFilter(name = "kafka-reconnects")
public final class KafkaReconnectWarnings implements Filter {
    static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Map<String, Long> lastShown = new ConcurrentHashMap<>();

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (!isReconnectWarning(record, message)) {
            return true;
        }
        long at = record.getMillis();
        boolean[] shown = {false};
        lastShown.compute(message, (text, last) -> {
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
                && message != null
                && (message.contains("could not be established") || message.contains("disconnected"));
    }
}
