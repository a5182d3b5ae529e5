package com.clearmlmigrator.planner.messaging;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.config.PlannerConfig;
import com.clearmlmigrator.planner.lifecycle.ResultAggregator;
import com.clearmlmigrator.planner.migration.TaskDispatcher;
import com.clearmlmigrator.planner.progress.PlannerHearing;
import com.clearmlmigrator.service.runtime.OutageRetry;
import com.clearmlmigrator.service.runtime.ShutdownSignal;
import com.clearmlmigrator.stores.MongoConnections;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes task results from every worker. A result is acknowledged only once it is folded into its migration: while
 * the planner's store or Kafka is away it is tried again, for as long as that lasts, and results wait in Kafka behind
 * it, so no worker's silence is counted meanwhile ({@link PlannerHearing#resultsHeldUp}); a planner stopped meanwhile
 * leaves it uncommitted, so its next start reads it again ({@code failure-strategy=fail} in application.properties).
 * Folding in is idempotent, so a result read twice counts once.
 */
@ApplicationScoped
public class TaskResultConsumer {
    private static final Logger LOG = Logger.getLogger(TaskResultConsumer.class);

    private final ObjectMapper json;
    private final ResultAggregator aggregator;
    private final PlannerHearing hearing;
    private final OutageRetry untilRecorded;

    public TaskResultConsumer(
            ObjectMapper json,
            ResultAggregator aggregator,
            PlannerHearing hearing,
            PlannerConfig config,
            ShutdownSignal shutdown) {
        this.json = json;
        this.aggregator = aggregator;
        this.hearing = hearing;
        this.untilRecorded = new OutageRetry(config.resultRetryPause(), shutdown);
    }

    /**
     * Blocking and ordered: the store is written with the sync Mongo client, and one result at a time keeps each
     * migration's status transitions simple. An unreadable result is logged and skipped, never a reason to stop.
     */
    @Incoming(Topics.TASK_RESULTS)
    @Blocking
    public void onResult(String payload) {
        var result = JsonPayloads.read(json, payload, TaskResult.class, "task result");
        if (result.isPresent()) {
            foldIn(result.get());
        }
    }

    private void foldIn(TaskResult result) {
        try {
            untilRecorded.untilDone(
                    () -> aggregator.accept(result),
                    TaskResultConsumer::isOutage,
                    OutageRetry.Attempts.of(
                            (attempt, outage, pause) -> heldUp(result, attempt, outage, pause),
                            "The planner stops; the result of task " + result.taskId()
                                    + " stays in Kafka for its next start"));
            hearing.resultsFlow(Instant.now());
        } catch (OutageRetry.ServiceStoppingException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Skipped the result of task %s: the planner could not fold it in", result.taskId());
        }
    }

    private void heldUp(TaskResult result, int attempt, RuntimeException outage, Duration pause) {
        hearing.resultsHeldUp();
        LOG.warnf(
                "Could not record the result of task %s (attempt %d: %s); trying again in %d s, and the results"
                        + " after it wait in Kafka meanwhile",
                result.taskId(), attempt, outage.getMessage(), pause.toSeconds());
    }

    /** The planner's MongoDB unreachable or electing a primary, or the broker not taking the tasks a result frees. */
    private static boolean isOutage(RuntimeException e) {
        return MongoConnections.isUnreachable(e)
                || e instanceof KafkaException
                || e instanceof TaskDispatcher.UnavailableException;
    }
}
