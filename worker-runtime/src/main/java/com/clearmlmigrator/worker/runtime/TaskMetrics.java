package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.IndexInspection;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.contracts.WorkerKind;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * What this worker's tasks did, for Prometheus at {@code /q/metrics}: tasks by type and outcome, how long they took,
 * failures by reason, the documents they went through, and how many run now. A task type is a tag
 * ({@code relink_index}); the worker kind is the scrape's own label.
 */
@ApplicationScoped
// Made at start, not at the first task: its meters are scraped, at zero, before any task came.
@Startup
public class TaskMetrics {
    /** A task whose lease another worker took meanwhile: that worker reports it. */
    static final String LOST = "lost";
    /** A task Kafka delivered again after its migration ended or paused: left alone, unanswered. */
    static final String AFTER_END = "after_end";

    private final MeterRegistry registry;

    /**
     * The counters of every task type this worker kind performs start at zero, so that a rate or an increase sees the
     * first task and a dashboard shows "none" rather than "no data".
     */
    public TaskMetrics(MeterRegistry registry, RunningTasks running, WorkerKind kind) {
        this.registry = registry;
        // Held strongly: a gauge holds its object weakly, and the reference the container injects here can be
        // collected, after which Prometheus showed no such gauge at all (seen in CI, MetricsIT).
        Gauge.builder("migrator.tasks.running", running, tasks -> tasks.all().size())
                .description("Tasks this worker performs now")
                .strongReference(true)
                .register(registry);
        for (TaskType type : TaskType.values()) {
            if (type.worker() != kind) {
                continue;
            }
            for (TaskOutcome outcome : TaskOutcome.values()) {
                tasks(type, label(outcome));
            }
            tasks(type, LOST);
            tasks(type, AFTER_END);
            documents(type);
            for (FailureReason reason : FailureReason.values()) {
                failures(type, reason);
            }
        }
    }

    @Inject
    public TaskMetrics(MeterRegistry registry, RunningTasks running, WorkerIdentity identity) {
        this(registry, running, identity.kind());
    }

    /** A task of a cancelled migration, not performed. */
    void skipped(MigrationTask task) {
        tasks(task.type(), label(TaskOutcome.SKIPPED)).increment();
    }

    /** A task delivered again after its migration ended or paused, not performed. */
    void leftAfterEnd(MigrationTask task) {
        tasks(task.type(), AFTER_END).increment();
    }

    /** A performed task and its result; none when another worker answers for it. */
    void finished(MigrationTask task, Optional<TaskResult> result, Duration took) {
        String outcome = result.map(r -> label(r.outcome())).orElse(LOST);
        tasks(task.type(), outcome).increment();
        Timer.builder("migrator.task.duration")
                .description("How long tasks took, from their start on this worker to their result")
                .tags("type", type(task), "outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(12))
                .register(registry)
                .record(took);
        result.filter(r -> r.reason() != null)
                .ifPresent(failed -> failures(task.type(), failed.reason()).increment());
        result.map(TaskResult::report)
                .ifPresent(report -> documents(task.type()).increment(documentsOf(report)));
    }

    private Counter tasks(TaskType type, String outcome) {
        return Counter.builder("migrator.tasks")
                .description("Tasks this worker ended, by type and outcome")
                .tags("type", label(type), "outcome", outcome)
                .register(registry);
    }

    private Counter documents(TaskType type) {
        return Counter.builder("migrator.documents")
                .description("Documents inspected or copied, and values relinked or restored, by finished tasks")
                .tags("type", label(type))
                .register(registry);
    }

    private Counter failures(TaskType type, FailureReason reason) {
        return Counter.builder("migrator.task.failures")
                .description("Failed tasks by the reason of their failure")
                .tags("type", label(type), "reason", label(reason))
                .register(registry);
    }

    private static String type(MigrationTask task) {
        return label(task.type());
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** What a report counts as the documents its task went through. */
    static long documentsOf(TaskReport report) {
        if (report instanceof CollectionInspection collection) {
            return collection.documents();
        }
        if (report instanceof IndexInspection index) {
            return index.documents();
        }
        if (report instanceof CopyReport copy) {
            return copy.copied() == null ? 0 : copy.copied().documents();
        }
        if (report instanceof RelinkReport relink) {
            return relink.fields().stream().mapToLong(FieldTally::changed).sum();
        }
        return 0;
    }
}
