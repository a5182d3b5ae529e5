package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskResult;
import com.mongodb.MongoTimeoutException;

/** What a task handed to a worker yields: one result, its reason when it failed, a dead letter for a bug, the counts. */
class TaskIntakeTest extends TaskIntakeFixture {
    @Test
    void tasksAreCountedByTypeAndOutcomeWithTheirDurationFailureReasonAndDocuments() throws Exception {
        var report = new CollectionInspection("backend", "task", 42, 10, "5.0.0", Map.of(), List.of());
        MigrationTask failing = MigrationTask.inspection(new TaskId("job1", 4), "model", TASK.mongo());

        intake(task -> {
                    if (task.target().equals("model")) {
                        throw new TaskFailedException(FailureReason.TARGET_REJECTED, "not authorized on backend");
                    }
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));
        intake(task -> {
                    throw new TaskFailedException(FailureReason.TARGET_REJECTED, "not authorized on backend");
                })
                .accept(JSON.writeValueAsString(failing));

        assertThat(tasksCounted("type", "inspect_collection", "outcome", "succeeded"))
                .isEqualTo(1);
        assertThat(tasksCounted("type", "inspect_collection", "outcome", "failed"))
                .isEqualTo(1);
        assertThat(metrics.get("migrator.task.failures")
                        .tags("type", "inspect_collection", "reason", "target_rejected")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(metrics.get("migrator.documents")
                        .tags("type", "inspect_collection")
                        .counter()
                        .count())
                .isEqualTo(42);
        assertThat(metrics.get("migrator.task.duration")
                        .tags("outcome", "succeeded")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(metrics.get("migrator.tasks.running").gauge().value()).isZero();
        assertThat(tasksCounted("type", "relink_collection", "outcome", "succeeded"))
                .as("counted from zero before the first task of its type")
                .isZero();
        assertThat(metrics.find("migrator.tasks").tags("type", "relink_index").counter())
                .as("an elastic worker's type")
                .isNull();
    }

    @Test
    void theMigratorsOwnDatabaseTimingOutIsAnOutageRetriedNotABug() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());
        int[] calls = {0};
        intake(task -> {
                    if (++calls[0] < 3) {
                        throw new MongoTimeoutException("Timed out while waiting for a server");
                    }
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));
        intake(task -> {
                    throw new MongoTimeoutException("Timed out while waiting for a server");
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(calls[0]).isEqualTo(3);
        assertThat(outbox.results)
                .first()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(TaskOutcome.SUCCEEDED));
        assertThat(outbox.results).last().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
            assertThat(r.detail())
                    .isEqualTo("The migrator's own MongoDB (where the relink journal is kept) did not answer in time."
                            + " (after 3 attempts)");
        });
        assertThat(outbox.deadLetters).isEmpty();
    }

    @Test
    void performedTaskYieldsExactlyOneSucceededResult() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());

        Instant before = Instant.now();
        intake(task -> report).accept(JSON.writeValueAsString(TASK));

        assertThat(outbox.results).singleElement().satisfies(result -> {
            assertThat(result.withStartedAt(null)).isEqualTo(TaskResult.succeeded(TASK.id(), report));
            assertThat(result.startedAt())
                    .as("when the handling started, as its heartbeats said")
                    .isBetween(before, Instant.now());
        });
        assertThat(outbox.deadLetters).isEmpty();
    }

    @Test
    void expectedFailureYieldsAFailedResultWithItsReason() throws Exception {
        intake(task -> {
                    throw new TaskFailedException(
                            FailureReason.TARGET_REJECTED, "Elasticsearch at h refused the update.");
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(outbox.results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(TaskOutcome.FAILED);
            assertThat(r.reason()).isEqualTo(FailureReason.TARGET_REJECTED);
            assertThat(r.detail()).isEqualTo("Elasticsearch at h refused the update.");
        });
        assertThat(outbox.deadLetters).isEmpty();
    }

    @Test
    void bugGoesToTheDeadLetterTopicAndStillAnswersThePlanner() throws Exception {
        intake(task -> {
                    throw new IllegalStateException("boom");
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(outbox.results)
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(FailureReason.BUG));
        assertThat(outbox.deadLetters).singleElement().asString().contains("boom");
    }

    @Test
    void unreadableTaskWithAnIdIsDeadLetteredAndReportedAsBadInput() {
        intake(task -> null).accept("{\"id\":\"job1-0004\",\"type\":\"NO_SUCH_TYPE\"}");

        assertThat(outbox.deadLetters).hasSize(1);
        assertThat(outbox.results).singleElement().satisfies(r -> {
            assertThat(r.taskId()).isEqualTo(new TaskId("job1", 4));
            assertThat(r.reason()).isEqualTo(FailureReason.BAD_INPUT);
        });
    }

    @Test
    void garbageIsDeadLetteredWithoutAResult() {
        intake(task -> null).accept("not json at all");

        assertThat(outbox.deadLetters).hasSize(1);
        assertThat(outbox.results).isEmpty();
    }
}
