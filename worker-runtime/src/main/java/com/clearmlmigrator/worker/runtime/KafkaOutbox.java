package com.clearmlmigrator.worker.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.service.runtime.KafkaOutages;
import com.clearmlmigrator.service.runtime.OutageRetry;
import com.clearmlmigrator.service.runtime.ShutdownSignal;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes to the results and dead-letter topics and waits for the broker's acknowledgement. While the broker is away
 * a record is sent again every {@code worker.publish-retry-pause}, for as long as that lasts: the task's work is done
 * and its lease renewed meanwhile, whereas giving up failed the task consumer, the watchdog restarted the worker, and
 * the task ran again from its start (seen with Kafka away for 150 s mid-copy). A worker stopping meanwhile gives up,
 * leaving the task's offset uncommitted, so Kafka hands the task out again. A result sent twice (an acknowledgement
 * lost with the broker) counts once at the planner.
 */
@ApplicationScoped
public class KafkaOutbox implements Outbox {
    /** Header that says why a message is in the dead-letter topic. */
    public static final String REASON_HEADER = "dead-letter-reason";

    private static final Logger LOG = Logger.getLogger(KafkaOutbox.class);

    private final MutinyEmitter<TaskResult> results;
    private final MutinyEmitter<String> deadLetters;
    private final OutageRetry untilTaken;

    public KafkaOutbox(
            @Channel(Topics.TASK_RESULTS) MutinyEmitter<TaskResult> results,
            @Channel(Topics.DEAD_LETTERS) MutinyEmitter<String> deadLetters,
            @ConfigProperty(name = "worker.publish-retry-pause", defaultValue = "2s") Duration pause,
            ShutdownSignal shutdown) {
        this.results = results;
        this.deadLetters = deadLetters;
        this.untilTaken = new OutageRetry(pause, shutdown);
    }

    @Override
    public void publishResult(TaskResult result) {
        sendUntilTaken(
                () -> results.sendMessageAndAwait(KafkaRecord.of(result.taskId().migrationId(), result)),
                "the result of task " + result.taskId());
    }

    @Override
    public void publishDeadLetter(String payload, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withHeaders(headers)
                .build();
        sendUntilTaken(
                () -> deadLetters.sendMessageAndAwait(Message.of(payload).addMetadata(metadata)),
                "a dead letter (" + reason + ")");
    }

    private void sendUntilTaken(Runnable send, String what) {
        untilTaken.untilDone(
                send,
                KafkaOutages::isBrokerAway,
                OutageRetry.Attempts.of(
                                (attempt, outage, pause) -> LOG.warnf(
                                        "Kafka did not take %s (attempt %d: %s); sending it again in %d s",
                                        what, attempt, KafkaOutages.rootMessage(outage), pause.toSeconds()),
                                "The worker stops before Kafka took " + what + "; the task stays uncommitted")
                        .whenThrough(attempt -> LOG.infof("Kafka took %s at attempt %d", what, attempt)));
    }
}
