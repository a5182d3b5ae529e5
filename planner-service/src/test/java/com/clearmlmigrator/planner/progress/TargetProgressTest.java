package com.clearmlmigrator.planner.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.IdRange;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.migration.Migration.PlannedDocuments;
import com.clearmlmigrator.planner.migration.TaskState;

class TargetProgressTest {
    private static final RelinkSpec SPEC = new RelinkSpec("http://a/", "http://b/", false, List.of(), List.of());

    @Test
    void countsEachCollectionsPartsAndDocumentsFromResultsAndFromHeartbeatsOfRunningParts() {
        TaskState modelsDone =
                ended(part(0, "model"), TaskResult.succeeded(new TaskId("m", 0), relinked("model", 2000, 150)));
        TaskState modelsRunning = TaskState.pending(part(1, "model"));
        TaskState tasksFailed =
                ended(part(2, "task"), TaskResult.failed(new TaskId("m", 2), FailureReason.TARGET_UNAVAILABLE, "gone"));
        TaskState tasksWaiting = TaskState.pending(part(3, "task"));
        Map<TaskId, TaskProgress> heard =
                Map.of(modelsRunning.id(), new TaskProgress(modelsRunning.id(), 700, 40, Instant.EPOCH, Instant.EPOCH));

        List<TargetProgress> progress =
                TargetProgress.of(List.of(modelsDone, modelsRunning, tasksFailed, tasksWaiting), heard, List.of());

        assertThat(progress)
                .containsExactly(
                        new TargetProgress("model", 2, 1, 0, 2700, 190, null),
                        new TargetProgress("task", 2, 1, 1, 0, 0, null));
    }

    @Test
    void aRelinksCollectionsSayHowManyDocumentsTheyHeldWhenPlannedBesideThoseScannedSoFar() {
        TaskState modelsDone =
                ended(part(0, "model"), TaskResult.succeeded(new TaskId("m", 0), relinked("model", 2000, 150)));
        TaskState modelsRunning = TaskState.pending(part(1, "model"));
        TaskState tasksWaiting = TaskState.pending(part(2, "task"));
        Map<TaskId, TaskProgress> heard =
                Map.of(modelsRunning.id(), new TaskProgress(modelsRunning.id(), 700, 40, Instant.EPOCH, Instant.EPOCH));

        List<TargetProgress> progress = TargetProgress.of(
                List.of(modelsDone, modelsRunning, tasksWaiting),
                heard,
                List.of(new PlannedDocuments("model", 4000), new PlannedDocuments("task", 131_563)));

        assertThat(progress)
                .containsExactly(
                        new TargetProgress("model", 2, 1, 0, 2700, 190, 4000L),
                        new TargetProgress("task", 1, 0, 0, 0, 0, 131_563L));
    }

    @Test
    void aFailedPartCountsWhatItScannedAndChangedBeforeItFailed() {
        TaskFailedException failure =
                new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "gone").withSoFar(relinked("task", 120, 45));
        TaskState failedPartWay = ended(part(0, "task"), TaskResult.failed(new TaskId("m", 0), failure));

        assertThat(TargetProgress.of(List.of(failedPartWay), Map.of(), List.of()))
                .containsExactly(new TargetProgress("task", 1, 1, 1, 120, 45, null));
    }

    private static MigrationTask part(int ordinal, String collection) {
        return new MigrationTask(
                new TaskId("m", ordinal),
                TaskType.RELINK_COLLECTION,
                collection,
                new MongoEndpoint("mongodb://h", "backend"),
                null,
                SPEC,
                IdRange.ALL,
                null);
    }

    private static TaskState ended(MigrationTask task, TaskResult result) {
        return new TaskState(task.id(), task.type(), task.target(), result, task, true);
    }

    private static RelinkReport relinked(String collection, long scanned, long changed) {
        return new RelinkReport(
                collection,
                false,
                List.of(
                        new FieldTally("uri", scanned, changed, changed, 0, 0, 0, 0),
                        new FieldTally("x", scanned, 0, 0, 0, 0, 0, 0)),
                List.of(),
                List.of());
    }
}
