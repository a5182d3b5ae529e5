package com.clearmlmigrator.worker.elastic.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.worker.runtime.TaskIntake;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes Elasticsearch tasks. */
@ApplicationScoped
public class TaskConsumer {
    private final TaskIntake intake;

    public TaskConsumer(TaskIntake intake) {
        this.intake = intake;
    }

    /**
     * Blocking because the Elasticsearch client is used synchronously; unordered so several tasks run at once on the {@code tasks} pool, off the
     * poll thread, so a long task never delays polling into a rebalance. Returning acknowledges the record, which
     * happens only after the result is published.
     */
    @Incoming(Topics.ELASTIC_TASKS)
    @Blocking(value = "tasks", ordered = false)
    public void onTask(String payload) {
        intake.accept(payload);
    }
}
