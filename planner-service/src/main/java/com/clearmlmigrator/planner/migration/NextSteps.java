package com.clearmlmigrator.planner.migration;

import com.clearmlmigrator.contracts.Remedy;
import com.clearmlmigrator.contracts.TaskResult;

/**
 * A failed task's sentence with the operator's next step, in the planner's words: workers only name the step ({@link
 * Remedy}), so the endpoints they would otherwise quote live here, beside the API that serves them.
 */
public final class NextSteps {
    private NextSteps() {}

    /** The worker's sentence, followed by how to take the step it named, for this migration. */
    public static String sentence(TaskResult result, String migrationId) {
        String detail = result.detail() == null ? "" : result.detail();
        if (result.remedy() == null) {
            return detail;
        }
        return switch (result.remedy()) {
            case RETRY -> detail + " Then retry the migration: POST /migrations/" + migrationId + "/retry.";
        };
    }
}
