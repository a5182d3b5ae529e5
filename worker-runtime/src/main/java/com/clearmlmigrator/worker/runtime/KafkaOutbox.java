package com.clearmlmigrator.worker.runtime;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.Topics;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes to the results and dead-letter topics and waits for the broker's acknowledgement. */
@ApplicationScoped
public class KafkaOutbox implements Outbox {
    /** Header that says why a message is in the dead-letter topic. */
    public static final String REASON_HEADER = "dead-letter-reason";

    private final MutinyEmitter<TaskResult> results;
    private final MutinyEmitter<String> deadLetters;

    public KafkaOutbox(
            @Channel(Topics.TASK_RESULTS) MutinyEmitter<TaskResult> results,
            @Channel(Topics.DEAD_LETTERS) MutinyEmitter<String> deadLetters) {
        this.results = results;
        this.deadLetters = deadLetters;
    }

    @Override
    public void publishResult(TaskResult result) {
        results.sendMessageAndAwait(KafkaRecord.of(result.taskId().migrationId(), result));
    }

    @Override
    public void publishDeadLetter(String payload, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withHeaders(headers)
                .build();
        deadLetters.sendMessageAndAwait(Message.of(payload).addMetadata(metadata));
    }
}
