package com.clearmlmigrator.planner.messaging;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.planner.progress.PlannerHearing;
import com.clearmlmigrator.planner.progress.ProgressAggregator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes the heartbeats workers publish every few seconds, with the progress of their tasks, and the planner's own
 * probes ({@link HearingProbe}), which tell it that it hears them.
 */
@ApplicationScoped
public class HeartbeatConsumer {
    private static final Logger LOG = Logger.getLogger(HeartbeatConsumer.class);
    private static final Duration STORE_TRIED_AGAIN_AFTER = Duration.ofSeconds(10);

    private final ObjectMapper json;
    private final ProgressAggregator aggregator;
    private final PlannerHearing hearing;
    private volatile boolean failing;
    private volatile Instant storeTriedAgainAt = Instant.MIN;

    public HeartbeatConsumer(ObjectMapper json, ProgressAggregator aggregator, PlannerHearing hearing) {
        this.json = json;
        this.aggregator = aggregator;
        this.hearing = hearing;
    }

    /**
     * Blocking: the store is read with the sync Mongo client. An unreadable message is logged and skipped. One that
     * cannot be read into the migrations (the store away) is still heard, and never thrown: a failure here would stop
     * the consumer, leaving the planner deaf to every later heartbeat and to its own probes (seen: the migrator's
     * MongoDB killed for a minute mid-copy, then "not heard from Kafka" for good).
     */
    @Incoming(Topics.HEARTBEATS)
    @Blocking
    public void onHeartbeat(ConsumerRecord<String, String> record) {
        if (Topics.PLANNER_PROBE_KEY.equals(record.key())) {
            hearing.probeCameBack(Instant.now());
            return;
        }
        JsonPayloads.read(json, record.value(), WorkerHeartbeat.class, "heartbeat")
                .ifPresent(this::takeIn);
    }

    private void takeIn(WorkerHeartbeat heartbeat) {
        Instant now = Instant.now();
        if (failing && now.isBefore(storeTriedAgainAt)) {
            // Each try waits for the store's timeout (5 s), and the probes queue behind it: while it is away the
            // heartbeats are heard without it, and it is tried again now and then.
            aggregator.acceptWithoutTheStore(heartbeat);
            return;
        }
        try {
            aggregator.accept(heartbeat);
            // An idle worker's heartbeat reads nothing from the store, so says nothing of it.
            if (failing && !heartbeat.tasks().isEmpty()) {
                failing = false;
                LOG.info("Heartbeats are taken in again");
            }
        } catch (RuntimeException e) {
            aggregator.acceptWithoutTheStore(heartbeat);
            storeTriedAgainAt = Instant.now().plus(STORE_TRIED_AGAIN_AFTER);
            if (!failing) {
                failing = true;
                LOG.warnf(
                        "A heartbeat of %s could not be read into the migrations (%s); its worker is heard, and"
                                + " progress waits until the store answers",
                        heartbeat.worker(), e.getMessage());
            }
        }
    }
}
