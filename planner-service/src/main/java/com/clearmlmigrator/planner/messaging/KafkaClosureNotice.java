package com.clearmlmigrator.planner.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.lifecycle.ClosureNotice;
import com.clearmlmigrator.planner.progress.PlannerHearing;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Publishes closed migrations keyed by migration id to the compacted {@link Topics#CLOSED_MIGRATIONS}, and waits for
 * Kafka's acknowledgement: unlike a progress snapshot, a lost announcement is not superseded by the next one. One Kafka
 * does not acknowledge (the broker away) is announced again every 2 s until it does (soon after the broker is back, as
 * the workers start taking the queued tasks again), instead of resting on the producer's own retries, which end after
 * its delivery timeout (2 minutes): past that, workers would perform the queued tasks of a migration cancelled during a
 * broker outage once the broker is back. A planner that has lost Kafka waits 3 s for the first acknowledgement, not 15.
 */
@ApplicationScoped
public class KafkaClosureNotice implements ClosureNotice {
    private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(15);
    /** Shorter when announcing again, so an attempt begun while the broker was away does not hold up the next. */
    private static final Duration ACKNOWLEDGEMENT_AGAIN = Duration.ofSeconds(3);

    private final MutinyEmitter<MigrationClosed> closures;
    private final PlannerHearing hearing;
    /** The latest closure of each migration Kafka has not taken yet, oldest first. */
    private final Map<String, MigrationClosed> unannounced = new LinkedHashMap<>();

    public KafkaClosureNotice(
            @Channel(Topics.CLOSED_MIGRATIONS) MutinyEmitter<MigrationClosed> closures, PlannerHearing hearing) {
        this.closures = closures;
        this.hearing = hearing;
    }

    @Override
    public synchronized void announce(MigrationClosed closed) {
        // A later closure of the migration replaces one still waiting, which must not overwrite it when sent after.
        unannounced.remove(closed.migrationId());
        // A planner that lost Kafka does not hold the operator's cancel for the long wait: the broker is away.
        Duration wait = hearing.lostKafka(Instant.now()) ? ACKNOWLEDGEMENT_AGAIN : ACKNOWLEDGEMENT;
        try {
            send(closed, wait);
        } catch (RuntimeException e) {
            unannounced.put(closed.migrationId(), closed);
            Log.warnf(
                    "%s of %s not announced to the workers yet (%s); announcing it again every 2 s until Kafka takes"
                            + " it",
                    closed.cancelled() ? "The cancellation" : "The end",
                    closed.migrationId(),
                    e.getMessage() != null ? e.getMessage() : "no acknowledgement within " + wait.toSeconds() + " s");
        }
    }

    @Scheduled(
            every = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void announceAgain() {
        for (MigrationClosed closed : List.copyOf(unannounced.values())) {
            try {
                send(closed, ACKNOWLEDGEMENT_AGAIN);
            } catch (RuntimeException e) {
                return; // the broker is still away: the next run tries again
            }
            unannounced.remove(closed.migrationId());
            Log.infof("Migration %s: its %s announced to the workers after all", closed.migrationId(), closed.status());
        }
    }

    private void send(MigrationClosed closed, Duration acknowledgement) {
        closures.sendMessage(KafkaRecord.of(closed.migrationId(), closed))
                .await()
                .atMost(acknowledgement);
    }
}
