package com.clearmlmigrator.planner.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.StoreWait;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;

class StoreWaitNoticeTest {
    private static final Instant T0 = Instant.parse("2026-12-07T07:42:53Z");
    private static final String AWAY = "Elasticsearch at [http://127.0.0.1:9200] is unreachable: Connection refused.";

    @Test
    void tasksAtWorkNeedNoNotice() {
        assertThat(StoreWaitNotice.of(List.of(underWay(1, null), underWay(2, null)), "m1", T0))
                .isEmpty();
    }

    @Test
    void theTasksWaitingAreCountedAndTheLongestWaitSaysWhatItMetForHowLongAndAtWhichAttempt() {
        List<TaskUnderWay> tasks = List.of(
                underWay(1, new StoreWait(AWAY, T0.plusSeconds(12), 2, 8)),
                underWay(2, null),
                underWay(3, new StoreWait(AWAY, T0, 6, 8)));

        assertThat(StoreWaitNotice.of(tasks, "m1", T0.plusSeconds(83)))
                .hasValue("2 tasks wait for a store that does not answer, for 80 s (attempt 6 of at most 8): " + AWAY
                        + " Once it answers they go on. A task that runs out of retries fails, and the other tasks of"
                        + " this migration then try once at most; once the store is back, retry the migration: POST"
                        + " /migrations/m1/retry.");
    }

    @Test
    void oneTaskWaitingIsSaidSo() {
        assertThat(StoreWaitNotice.of(List.of(underWay(1, new StoreWait(AWAY, T0, 1, 8))), "m1", T0.plusSeconds(2)))
                .hasValueSatisfying(notice -> assertThat(notice)
                        .startsWith("1 task waits for a store that does not"
                                + " answer, for 2 s (attempt 1 of at most 8): "));
    }

    private static TaskUnderWay underWay(int part, StoreWait waiting) {
        TaskProgress progress =
                new TaskProgress(new TaskId("m1", part), 100, 0, T0.minusSeconds(30), T0, waiting, null);
        return TaskUnderWay.heard(progress, "elastic-worker@a/1", T0);
    }
}
