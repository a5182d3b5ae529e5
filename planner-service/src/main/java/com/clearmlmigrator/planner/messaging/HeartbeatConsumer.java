package com.clearmlmigrator.planner.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
    private final ObjectMapper json;
    private final ProgressAggregator aggregator;
    private final PlannerHearing hearing;

    public HeartbeatConsumer(ObjectMapper json, ProgressAggregator aggregator, PlannerHearing hearing) {
        this.json = json;
        this.aggregator = aggregator;
        this.hearing = hearing;
    }

    /** Blocking: the store is read with the sync Mongo client. An unreadable message is logged and skipped. */
    @Incoming(Topics.HEARTBEATS)
    @Blocking
    public void onHeartbeat(ConsumerRecord<String, String> record) {
        if (Topics.PLANNER_PROBE_KEY.equals(record.key())) {
            hearing.probeCameBack(Instant.now());
            return;
        }
        JsonPayloads.read(json, record.value(), WorkerHeartbeat.class, "heartbeat")
                .ifPresent(aggregator::accept);
    }
}
