package com.clearmlmigrator.planner.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.StoreWait;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.TaskState;

class UnansweredNoticeTest {
    /** A relink of both stores, as the migration keeps them: the password already out of the connection string. */
    private static final Migration.Targets STORES =
            new Migration.Targets("mongodb://u:***@m:27017", "backend", List.of("http://es:9200"));

    private static final Instant T0 = Instant.parse("2026-12-07T12:35:43Z");
    private static final String NOTICE_END = " (busy, or not answering?). A store that takes requests and never answers"
            + " them fails the task once its answer timeout passes (2 min for Elasticsearch, 5 for MongoDB), and the"
            + " migration's other tasks on it without trying: retry the migration once the store answers again.";

    @Test
    void partsWhoseStoreHasNotAnsweredForAMinuteAreCountedWithTheLongestSilence() {
        List<TaskState> tasks =
                List.of(part(1, TaskType.RELINK_INDEX), part(2, TaskType.RELINK_INDEX), part(3, TaskType.RELINK_INDEX));
        List<TaskUnderWay> underWay = List.of(unansweredFor(1, 95), unansweredFor(2, 40), unansweredFor(3, 71));

        assertThat(UnansweredNotice.of(STORES, tasks, underWay))
                .hasValue("2 tasks have had no answer from Elasticsearch at [http://es:9200] for 95 s" + NOTICE_END);
    }

    @Test
    void aStoreThatAnsweredWithinTheMinuteNeedsNoNotice() {
        assertThat(UnansweredNotice.of(
                        STORES, List.of(part(1, TaskType.RELINK_COLLECTION)), List.of(unansweredFor(1, 59))))
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
                        STORES,
                        List.of(part(1, TaskType.RELINK_COLLECTION)),
                        List.of(TaskUnderWay.heard(waiting, "w", T0))))
                .isEmpty();
    }

    @Test
    void stepsThatVerifyAtLengthWithoutAWordAreNotTakenForAStoreThatDoesNotAnswer() {
        assertThat(UnansweredNotice.of(
                        STORES,
                        List.of(part(1, TaskType.COPY_INDEX), part(2, TaskType.VERIFY_COPY)),
                        List.of(unansweredFor(1, 300), unansweredFor(2, 300))))
                .isEmpty();
    }

    @Test
    void oneMongoPartIsSaidSo() {
        assertThat(UnansweredNotice.of(
                        STORES, List.of(part(1, TaskType.UNDO_RELINK_COLLECTION)), List.of(unansweredFor(1, 62))))
                .hasValue("1 task has had no answer from MongoDB at mongodb://u:***@m:27017 for 60 s" + NOTICE_END);
    }

    @Test
    void aCopySliceNamesBothClustersItReadsAndWrites() {
        Migration.Targets copy =
                new Migration.Targets(null, null, List.of("http://new:9200"), List.of("http://old:9200"));

        assertThat(UnansweredNotice.of(copy, List.of(part(1, TaskType.COPY_SLICE)), List.of(unansweredFor(1, 75))))
                .hasValue(
                        "1 task has had no answer from Elasticsearch (the source at [http://old:9200] or the target at"
                                + " [http://new:9200]) for 75 s" + NOTICE_END);
    }

    @Test
    void aHeartbeatOfAWorkerThatDoesNotSayWhenItsStoreAnsweredIsNoSilence() {
        TaskProgress older = new TaskProgress(new TaskId("m1", 1), 10, 0, T0.minusSeconds(300), T0, null, null);

        assertThat(UnansweredNotice.of(
                        STORES, List.of(part(1, TaskType.RELINK_INDEX)), List.of(TaskUnderWay.heard(older, "w", T0))))
                .isEmpty();
    }

    private static TaskUnderWay unansweredFor(int part, long seconds) {
        TaskProgress progress = new TaskProgress(
                new TaskId("m1", part), 100, 0, T0.minusSeconds(600), T0, null, T0.minusSeconds(seconds));
        return TaskUnderWay.heard(progress, "worker@a/1", T0);
    }

    /** A task sent and under way: only its type matters here. */
    private static TaskState part(int ordinal, TaskType type) {
        return new TaskState(new TaskId("m1", ordinal), type, "target-" + ordinal, null, null, true);
    }
}
