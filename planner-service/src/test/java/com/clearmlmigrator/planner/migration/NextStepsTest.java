package com.clearmlmigrator.planner.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.Remedy;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskResult;

class NextStepsTest {
    private static final TaskId TASK = new TaskId("m-42", 3);

    @Test
    void aRetryNamedByTheWorkerBecomesTheCallForThisMigration() {
        TaskResult result = TaskResult.failed(
                TASK, FailureReason.TARGET_BLOCKED, "The target refused writes; free disk space.", Remedy.RETRY);

        assertThat(NextSteps.sentence(result, "m-42"))
                .isEqualTo("The target refused writes; free disk space."
                        + " Then retry the migration: POST /migrations/m-42/retry.");
    }

    @Test
    void aSentenceWithoutANextStepIsShownAsTheWorkerWroteIt() {
        TaskResult result = TaskResult.failed(TASK, FailureReason.TARGET_UNAVAILABLE, "MongoDB did not answer.");

        assertThat(NextSteps.sentence(result, "m-42")).isEqualTo("MongoDB did not answer.");
    }
}
