package com.clearmlmigrator.planner.messaging;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.clearmlmigrator.contracts.MigrationCancelled;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.lifecycle.CancellationNotice;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes cancellations keyed by migration id to the compacted {@link Topics#CANCELLATIONS}, and waits for Kafka's
 * acknowledgement: unlike a progress snapshot, a lost cancellation is not superseded by the next one.
 */
@ApplicationScoped
public class KafkaCancellationNotice implements CancellationNotice {
    private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(15);

    private final MutinyEmitter<MigrationCancelled> cancellations;

    public KafkaCancellationNotice(@Channel(Topics.CANCELLATIONS) MutinyEmitter<MigrationCancelled> cancellations) {
        this.cancellations = cancellations;
    }

    @Override
    public void announce(String migrationId, Instant at) {
        var key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(migrationId)
                .build();
        try {
            cancellations
                    .sendMessage(
                            Message.of(new MigrationCancelled(migrationId, at)).addMetadata(key))
                    .await()
                    .atMost(ACKNOWLEDGEMENT);
        } catch (RuntimeException e) {
            Log.errorf(
                    "Cancellation of %s not announced to the workers (%s): tasks of it already queued will run",
                    migrationId, e.getMessage());
        }
    }
}
