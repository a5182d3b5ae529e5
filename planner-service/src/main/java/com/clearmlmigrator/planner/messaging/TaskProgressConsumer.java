package com.clearmlmigrator.planner.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.domain.ProgressAggregator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes the progress workers publish while their tasks run. */
@ApplicationScoped
public class TaskProgressConsumer {
    private final ObjectMapper json;
    private final ProgressAggregator aggregator;

    public TaskProgressConsumer(ObjectMapper json, ProgressAggregator aggregator) {
        this.json = json;
        this.aggregator = aggregator;
    }

    /** Blocking: the store is read with the sync Mongo client. An unreadable message is logged and skipped. */
    @Incoming(Topics.TASK_PROGRESS)
    @Blocking
    public void onProgress(String payload) {
        JsonPayloads.read(json, payload, TaskProgress.class, "progress message").ifPresent(aggregator::accept);
    }
}
