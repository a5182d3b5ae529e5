package com.clearmlmigrator.planner.lifecycle;

import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.planner.escopy.CopySummary;
import com.clearmlmigrator.planner.inspect.InspectReport;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskState;
import com.clearmlmigrator.planner.relink.RelinkSummary;

/** The report of a migration, by kind. */
public final class Reports {
    private Reports() {}

    public static Object of(Migration migration, TaskCounts counts, List<TaskState> tasks) {
        return of(migration, counts, tasks, Map.of());
    }

    /** @param running the progress of tasks under way, which an es-copy's report counts until their results arrive */
    public static Object of(
            Migration migration, TaskCounts counts, List<TaskState> tasks, Map<TaskId, TaskProgress> running) {
        return switch (migration.kind()) {
            case INSPECT -> InspectReport.of(migration, counts, tasks);
            case RELINK, UNDO -> RelinkSummary.of(migration, counts, tasks);
            case ES_COPY -> CopySummary.of(migration, counts, tasks, running);
        };
    }
}
