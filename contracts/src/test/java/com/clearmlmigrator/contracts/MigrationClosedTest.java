package com.clearmlmigrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class MigrationClosedTest {
    private static final Instant ENDED = Instant.parse("2026-12-04T19:21:00Z");
    private static final MigrationTask TASK =
            MigrationTask.inspection(new TaskId("m1", 3), "task", new MongoEndpoint("mongodb://h", "backend"));

    @Test
    void anEndStopsTheTasksSentBeforeIt() {
        MigrationClosed ended = new MigrationClosed("m1", ENDED, MigrationStatus.SUCCEEDED);

        assertThat(ended.stops(TASK.asSentAt(ENDED.minusSeconds(30)))).isTrue();
        assertThat(ended.cancelled()).isFalse();
    }

    @Test
    void anEndLetsTheTasksOfALaterRetryGoAhead() {
        MigrationClosed ended = new MigrationClosed("m1", ENDED, MigrationStatus.COMPLETED_WITH_ERRORS);

        assertThat(ended.stops(TASK.asSentAt(ENDED.plusMillis(1)))).isFalse();
    }

    @Test
    void aPauseStopsTheTasksSentBeforeItAndNotTheRetrys() {
        MigrationClosed paused = new MigrationClosed("m1", ENDED, MigrationStatus.PAUSED);

        assertThat(paused.stops(TASK.asSentAt(ENDED.minusMillis(1)))).isTrue();
        assertThat(paused.stops(TASK.asSentAt(ENDED.plusSeconds(60)))).isFalse();
        assertThat(paused.cancelled()).isFalse();
    }

    @Test
    void aTaskWithoutASendingTimeWasSentBeforeTheEnd() {
        assertThat(new MigrationClosed("m1", ENDED, MigrationStatus.FAILED).stops(TASK))
                .isTrue();
    }

    @Test
    void aCancellationStopsEveryTaskOfTheMigration() {
        MigrationClosed cancelled = MigrationClosed.cancelled("m1", ENDED);

        assertThat(cancelled.stops(TASK.asSentAt(ENDED.plusSeconds(5)))).isTrue();
        assertThat(new MigrationClosed("m1", ENDED, null).stops(TASK.asSentAt(ENDED.plusSeconds(5))))
                .isTrue();
    }

    @Test
    void anotherMigrationsTasksAreNotConcerned() {
        assertThat(MigrationClosed.cancelled("m2", ENDED).stops(TASK)).isFalse();
    }
}
