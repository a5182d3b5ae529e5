package com.clearmlmigrator.planner.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.IdRange;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.contracts.StoreWait;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.migration.TaskState;

class UnansweredNoticeTest {
    private static final Instant T0 = Instant.parse("2026-12-07T12:35:43Z");
    private static final String NOTICE_END = " (busy, or not answering?). A store that takes requests and never answers"
            + " them fails a task's attempt once its answer timeout passes (2 min for Elasticsearch, 5 for MongoDB),"
            + " and the task then tries again.";

    @Test
    void partsWhoseStoreHasNotAnsweredForAMinuteAreCountedWithTheLongestSilence() {
        List<TaskState> tasks =
                List.of(part(1, TaskType.RELINK_INDEX), part(2, TaskType.RELINK_INDEX), part(3, TaskType.RELINK_INDEX));
        List<TaskUnderWay> underWay = List.of(unansweredFor(1, 95), unansweredFor(2, 40), unansweredFor(3, 71));

        assertThat(UnansweredNotice.of(tasks, underWay))
                .hasValue("2 tasks have had no answer from Elasticsearch at [http://es:9200] for 95 s" + NOTICE_END);
    }

    @Test
    void aStoreThatAnsweredWithinTheMinuteNeedsNoNotice() {
        assertThat(UnansweredNotice.of(List.of(part(1, TaskType.RELINK_COLLECTION)), List.of(unansweredFor(1, 59))))
                .isEmpty();
    }

    @Test
    void aTaskWaitingBetweenAttemptsIsLeftToTheNoticeOfItsWait() {
        TaskProgress waiting = new TaskProgress(
                new TaskId("m1", 1),
                10,
                0,
                T0.minusSeconds(300),
                T0,
                new StoreWait("MongoDB at mongodb://m is unreachable.", T0.minusSeconds(200), 2, 8),
                T0.minusSeconds(200));

        assertThat(UnansweredNotice.of(
                        List.of(part(1, TaskType.RELINK_COLLECTION)), List.of(TaskUnderWay.heard(waiting, "w", T0))))
                .isEmpty();
    }

    @Test
    void stepsThatVerifyAtLengthWithoutAWordAreNotTakenForAStoreThatDoesNotAnswer() {
        assertThat(UnansweredNotice.of(
                        List.of(part(1, TaskType.COPY_INDEX), part(2, TaskType.VERIFY_COPY)),
                        List.of(unansweredFor(1, 300), unansweredFor(2, 300))))
                .isEmpty();
    }

    @Test
    void oneMongoPartIsSaidSo() {
        assertThat(UnansweredNotice.of(
                        List.of(part(1, TaskType.UNDO_RELINK_COLLECTION)), List.of(unansweredFor(1, 62))))
                .hasValue("1 task has had no answer from MongoDB at mongodb://u:***@m:27017 for 60 s" + NOTICE_END);
    }

    @Test
    void aHeartbeatOfAWorkerThatDoesNotSayWhenItsStoreAnsweredIsNoSilence() {
        TaskProgress older = new TaskProgress(new TaskId("m1", 1), 10, 0, T0.minusSeconds(300), T0, null, null);

        assertThat(UnansweredNotice.of(
                        List.of(part(1, TaskType.RELINK_INDEX)), List.of(TaskUnderWay.heard(older, "w", T0))))
                .isEmpty();
    }

    private static TaskUnderWay unansweredFor(int part, long seconds) {
        TaskProgress progress = new TaskProgress(
                new TaskId("m1", part), 100, 0, T0.minusSeconds(600), T0, null, T0.minusSeconds(seconds));
        return TaskUnderWay.heard(progress, "worker@a/1", T0);
    }

    /** A task sent and under way; a relink's or undo's names its store, a copy step's definition is not needed here. */
    private static TaskState part(int ordinal, TaskType type) {
        if (!type.isRelink()) {
            return new TaskState(new TaskId("m1", ordinal), type, "target-" + ordinal, null, null, true);
        }
        MigrationTask task = new MigrationTask(
                new TaskId("m1", ordinal),
                type,
                "target-" + ordinal,
                type.worker() == WorkerKind.MONGO ? new MongoEndpoint("mongodb://u:secret@m:27017", "backend") : null,
                type.worker() == WorkerKind.ELASTIC ? new ElasticEndpoint(List.of("http://es:9200"), null, null) : null,
                new RelinkSpec("http://a/", "http://b/", false, List.of(), List.of()),
                IdRange.ALL,
                null);
        return TaskState.pending(task);
    }
}
