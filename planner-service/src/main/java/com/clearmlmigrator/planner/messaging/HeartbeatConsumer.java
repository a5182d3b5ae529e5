package com.clearmlmigrator.planner.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.planner.progress.ProgressAggregator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes the heartbeats workers publish every few seconds, with the progress of their tasks. */
@ApplicationScoped
public class HeartbeatConsumer {
    private final ObjectMapper json;
    private final ProgressAggregator aggregator;

    public HeartbeatConsumer(ObjectMapper json, ProgressAggregator aggregator) {
        this.json = json;
        this.aggregator = aggregator;
    }

    /** Blocking: the store is read with the sync Mongo client. An unreadable message is logged and skipped. */
    @Incoming(Topics.HEARTBEATS)
    @Blocking
    public void onHeartbeat(String payload) {
        JsonPayloads.read(json, payload, WorkerHeartbeat.class, "heartbeat").ifPresent(aggregator::accept);
    }
}
