package com.clearmlmigrator.worker.runtime;

import com.clearmlmigrator.contracts.TaskReport;

/**
 * Of a task's attempts, what the one that read furthest into its part had done when it ended ({@link
 * TaskReport#furthest}): the report a failed or stopped task answers with. A later attempt the store refused at once
 * did nothing to report.
 */
final class FurthestAttempt {
    private TaskReport furthest;

    /** An attempt ended with {@code soFar} done; null when its handler did not say. */
    void ended(TaskReport soFar) {
        furthest = TaskReport.furthest(furthest, soFar);
    }

    /** What the furthest attempt had done; null when none said. */
    TaskReport report() {
        return furthest;
    }
}
