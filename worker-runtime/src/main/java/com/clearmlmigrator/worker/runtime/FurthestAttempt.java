package com.clearmlmigrator.worker.runtime;

import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.TaskReport;

/**
 * Of a task's attempts, what the one that read furthest into its part had done when it ended: the report a failed or
 * stopped task answers with. Each attempt reads its part from the start and counts what an earlier one wrote as its
 * own, so the furthest holds the others; a later attempt the store refused at once did nothing to report.
 */
final class FurthestAttempt {
    private TaskReport furthest;

    /** An attempt ended with {@code soFar} done; null when its handler did not say. */
    void ended(TaskReport soFar) {
        if (soFar != null && (furthest == null || read(soFar) >= read(furthest))) {
            furthest = soFar;
        }
    }

    /** What the furthest attempt had done; null when none said. */
    TaskReport report() {
        return furthest;
    }

    private static long read(TaskReport report) {
        return report instanceof RelinkReport relink
                ? relink.fields().stream().mapToLong(FieldTally::scanned).max().orElse(0)
                : 0;
    }
}
