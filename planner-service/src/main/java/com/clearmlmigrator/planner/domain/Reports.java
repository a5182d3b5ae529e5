package com.clearmlmigrator.planner.domain;

import java.util.List;

/** The report of a migration, by kind. */
public final class Reports {
    private Reports() {}

    public static Object of(Migration migration, TaskCounts counts, List<TaskState> tasks) {
        return switch (migration.kind()) {
            case INSPECT -> InspectReport.of(migration, counts, tasks);
            case RELINK, UNDO -> RelinkSummary.of(migration, counts, tasks);
            case ES_COPY -> CopySummary.of(migration, counts, tasks);
        };
    }
}
