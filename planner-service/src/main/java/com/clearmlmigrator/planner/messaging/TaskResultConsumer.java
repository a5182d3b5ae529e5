package com.clearmlmigrator.planner.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.lifecycle.ResultAggregator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes task results from every worker. */
@ApplicationScoped
public class TaskResultConsumer {
    private final ObjectMapper json;
    private final ResultAggregator aggregator;

    public TaskResultConsumer(ObjectMapper json, ResultAggregator aggregator) {
        this.json = json;
        this.aggregator = aggregator;
    }

    /**
     * Blocking and ordered: the store is written with the sync Mongo client, and one result at a time keeps each
     * migration's status transitions simple. An unreadable result is logged and skipped, never a reason to stop.
     */
    @Incoming(Topics.TASK_RESULTS)
    @Blocking
    public void onResult(String payload) {
        JsonPayloads.read(json, payload, TaskResult.class, "task result").ifPresent(aggregator::accept);
    }
}
