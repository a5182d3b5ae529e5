package com.clearmlmigrator.planner.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.lifecycle.ClosureNotice;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Publishes closed migrations keyed by migration id to the compacted {@link Topics#CLOSED_MIGRATIONS}, and waits for
 * Kafka's acknowledgement: unlike a progress snapshot, a lost announcement is not superseded by the next one.
 */
@ApplicationScoped
public class KafkaClosureNotice implements ClosureNotice {
    private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(15);

    private final MutinyEmitter<MigrationClosed> closures;

    public KafkaClosureNotice(@Channel(Topics.CLOSED_MIGRATIONS) MutinyEmitter<MigrationClosed> closures) {
        this.closures = closures;
    }

    @Override
    public void announce(MigrationClosed closed) {
        try {
            closures.sendMessage(KafkaRecord.of(closed.migrationId(), closed))
                    .await()
                    .atMost(ACKNOWLEDGEMENT);
        } catch (RuntimeException e) {
            Log.errorf(
                    "%s of %s not announced to the workers (%s): %s",
                    closed.cancelled() ? "Cancellation" : "The end",
                    closed.migrationId(),
                    e.getMessage(),
                    closed.cancelled()
                            ? "tasks of it already queued will run"
                            : "a task of it delivered again would be performed again");
        }
    }
}
