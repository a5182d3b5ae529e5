package com.clearmlmigrator.planner.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.MigrationStatus;

class TaskCountsTest {
    @Test
    void pendingTasksKeepAMigrationRunning() {
        assertThat(TaskCounts.of(3, 1, 0, 1).impliedStatus()).isEqualTo(MigrationStatus.RUNNING);
    }

    @Test
    void anyFailureAtTheEndMeansCompletedWithErrors() {
        assertThat(TaskCounts.of(3, 1, 0, 0).impliedStatus()).isEqualTo(MigrationStatus.COMPLETED_WITH_ERRORS);
    }

    @Test
    void allSucceededMeansSucceeded() {
        assertThat(TaskCounts.of(4, 0, 0, 0).impliedStatus()).isEqualTo(MigrationStatus.SUCCEEDED);
    }

    @Test
    void countsMustAddUp() {
        assertThatThrownBy(() -> new TaskCounts(5, 1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
