package com.clearmlmigrator.planner.relink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.IdRange;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.RequestRules;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskState;

class RelinkSummaryTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final MongoEndpoint MONGO = new MongoEndpoint("mongodb://mongo:27017", "backend");
    private static final RelinkSpec SPEC = new RelinkSpec("http://a/", "http://b/", false, List.of(), List.of());

    @Test
    void aCollectionsRowCountsWhatItsFailedPartsChangedBeforeTheyFailedAndTheFailureIsListed() {
        TaskState done = ended(0, TaskResult.succeeded(new TaskId("r1", 0), relinked(200, 80)));
        TaskFailedException failure = new TaskFailedException(
                        FailureReason.TARGET_UNAVAILABLE, "MongoDB at mongodb://mongo:27017 is unreachable.")
                .withSoFar(relinked(120, 45));
        TaskState failedPartWay = ended(1, TaskResult.failed(new TaskId("r1", 1), failure));
        TaskState failedAtOnce = ended(
                2,
                TaskResult.failed(
                        new TaskId("r1", 2),
                        FailureReason.TARGET_UNAVAILABLE,
                        "MongoDB at mongodb://mongo:27017 is unreachable."));

        RelinkSummary summary =
                RelinkSummary.of(relink(), TaskCounts.of(1, 2, 0, 0), List.of(done, failedPartWay, failedAtOnce));

        assertThat(summary.targets())
                .singleElement()
                .satisfies(task ->
                        assertThat(task.fields()).containsExactly(new FieldTally("uri", 320, 125, 125, 0, 0, 0, 0)));
        assertThat(summary.failures()).hasSize(2);
    }

    private static Migration relink() {
        return Migration.accepted("r1", RequestRules.order(MigrationKind.RELINK, MONGO, null, SPEC), NOW)
                .withStatus(MigrationStatus.COMPLETED_WITH_ERRORS, NOW);
    }

    private static TaskState ended(int ordinal, TaskResult result) {
        MigrationTask part = new MigrationTask(
                new TaskId("r1", ordinal), TaskType.RELINK_COLLECTION, "task", MONGO, null, SPEC, IdRange.ALL, null);
        return new TaskState(part.id(), part.type(), part.target(), result, part, true);
    }

    private static RelinkReport relinked(long scanned, long changed) {
        return new RelinkReport(
                "task",
                false,
                List.of(new FieldTally("uri", scanned, changed, changed, 0, 0, 0, 0)),
                List.of(),
                List.of());
    }
}
