package com.clearmlmigrator.service.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class KafkaOutageRepeatsTest {
    private static final String FEED_UNREACHABLE = "[Consumer clientId=closed-migrations-feed, groupId=null] Connection"
            + " to node {} ({}) could not be established. Node may not be available.";
    private static final String RESULTS_DISCONNECTED =
            "[Producer clientId=kafka-producer-migration-task-results] Bootstrap broker {} disconnected";

    private final KafkaOutageRepeats filter = new KafkaOutageRepeats();

    @Test
    void aClientsWarningShowsOnceAMinuteWhileTheBrokerStaysAway() {
        assertThat(filter.isLoggable(warning(FEED_UNREACHABLE, 0))).isTrue();
        for (long second = 1; second < 60; second++) {
            assertThat(filter.isLoggable(warning(FEED_UNREACHABLE, second * 1_000)))
                    .as("at %d s", second)
                    .isFalse();
        }
        assertThat(filter.isLoggable(warning(FEED_UNREACHABLE, 60_000))).isTrue();
        assertThat(filter.isLoggable(warning(FEED_UNREACHABLE, 61_000))).isFalse();
    }

    @Test
    void eachClientAndEachKindOfWarningShowsItsFirstOne() {
        assertThat(filter.isLoggable(warning(FEED_UNREACHABLE, 0))).isTrue();
        assertThat(filter.isLoggable(warning(RESULTS_DISCONNECTED, 100))).isTrue();
        assertThat(filter.isLoggable(warning(
                        "[Producer clientId=kafka-producer-migration-task-results] Connection to node {} ({}) could"
                                + " not be established. Node may not be available.",
                        200)))
                .isTrue();
    }

    @Test
    void everyOtherLineGoesThroughUntouched() {
        LogRecord error = warning(FEED_UNREACHABLE, 0);
        error.setLevel(Level.SEVERE);
        LogRecord ours = warning("Kafka did not take the result of task m-0001 (attempt 3: timeout)", 0);
        ours.setLoggerName("com.clearmlmigrator.worker.runtime.KafkaOutbox");
        LogRecord otherWarning = warning("[Consumer clientId=feed] Error while fetching metadata", 0);

        for (int time = 0; time < 3; time++) {
            assertThat(filter.isLoggable(error)).isTrue();
            assertThat(filter.isLoggable(ours)).isTrue();
            assertThat(filter.isLoggable(otherWarning)).isTrue();
        }
    }

    @Test
    void theConnectorsErrorForEachUnsentRecordShowsOnceAMinuteForEachChannel() {
        assertThat(filter.isLoggable(unsent("migration-tasks-elastic", 0))).isTrue();
        for (long second = 0; second < 60; second++) {
            assertThat(filter.isLoggable(unsent("migration-tasks-elastic", second * 1_000)))
                    .as("another record of the channel at %d s", second)
                    .isFalse();
        }
        assertThat(filter.isLoggable(unsent("migration-tasks-mongo", 500)))
                .as("another channel's first")
                .isTrue();
        assertThat(filter.isLoggable(unsent("migration-tasks-elastic", 60_000))).isTrue();
    }

    @Test
    void theConnectorsOtherLinesGoThroughUntouched() {
        LogRecord commitFailed = connectorLine(
                Level.WARNING,
                "SRMSG18252: Failed to commit %s, it will be re-attempted",
                0,
                "{migration-task-results-1=OffsetAndMetadata{offset=107}}");

        for (int time = 0; time < 3; time++) {
            assertThat(filter.isLoggable(commitFailed)).isTrue();
        }
    }

    /** As SmallRye's connector logs a record it gives up: the record itself, a new object each time, then its channel. */
    private static LogRecord unsent(String channel, long millis) {
        return connectorLine(
                Level.SEVERE,
                "SRMSG18212: Message %s from channel '%s' was not sent to Kafka topic '%s' - nacking message",
                millis,
                new Object(),
                channel,
                channel);
    }

    private static LogRecord connectorLine(Level level, String message, long millis, Object... arguments) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(KafkaOutageRepeats.KAFKA_CONNECTOR);
        record.setParameters(arguments);
        record.setInstant(java.time.Instant.ofEpochMilli(millis));
        return record;
    }

    private static LogRecord warning(String message, long millis) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(KafkaOutageRepeats.NETWORK_CLIENT);
        record.setInstant(java.time.Instant.ofEpochMilli(millis));
        return record;
    }
}
