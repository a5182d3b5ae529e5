package com.clearmlmigrator.planner.escopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.StoredCopy;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskState;

/** An es-copy's progress counts finished slices and, as they report it, the slices still under way. */
class CopySummaryTest {
    private static final String INDEX = "events-log-c1";
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void slicesUnderWayCountWhatTheyReportedUntilTheirResultsArrive() {
        TaskState finished = slice(
                1, TaskResult.succeeded(new TaskId("m1", 1), sliceReport(checksum(1000), checksum(1000), 100_000, 10)));
        TaskState running = slice(2, null);
        TaskState queued = slice(3, null);
        Map<TaskId, TaskProgress> live =
                Map.of(running.id(), new TaskProgress(running.id(), 500, 0, T0.plusSeconds(5), T0.plusSeconds(20)));

        CopySummary summary =
                CopySummary.of(migration(), TaskCounts.of(1, 0, 0, 2), List.of(finished, running, queued), live);

        CopyIndexRow row = summary.indices().get(0);
        assertThat(row.copied()).isEqualTo(1500);
        assertThat(row.slicesDone()).isEqualTo(1);
        assertThat(row.docsPerSecond()).isEqualTo(75.0);
        assertThat(row.etaSeconds()).isEqualTo(20);
        assertThat(summary.copied()).isEqualTo(1500);
    }

    @Test
    void progressOfATaskThatHasItsResultIsNotCountedTwice() {
        TaskState finished = slice(1, TaskResult.skipped(new TaskId("m1", 1)));
        Map<TaskId, TaskProgress> live =
                Map.of(finished.id(), new TaskProgress(finished.id(), 700, 0, T0, T0.plusSeconds(3)));

        CopySummary summary = CopySummary.of(migration(), TaskCounts.of(0, 0, 1, 0), List.of(finished), live);

        assertThat(summary.indices().get(0).copied()).isZero();
    }

    @Test
    void aSliceACancelStoppedPartWayCountsWhatItHadWrittenButIsNotDone() {
        TaskState stopped =
                slice(1, TaskResult.stoppedPartWay(new TaskId("m1", 1), sliceReport(null, checksum(420), 0, 6)));
        TaskState skipped = slice(2, TaskResult.skipped(new TaskId("m1", 2)));

        CopySummary summary =
                CopySummary.of(migration(), TaskCounts.of(0, 0, 2, 0), List.of(stopped, skipped), Map.of());

        CopyIndexRow row = summary.indices().get(0);
        assertThat(row.copied()).isEqualTo(420);
        assertThat(row.slicesDone()).isZero();
        assertThat(row.checksumMatch()).isNull();
        assertThat(summary.copied()).isEqualTo(420);
    }

    /** A slice's report: what it read (null when a cancel stopped it), wrote, and when it ended after T0. */
    private static CopyReport sliceReport(ContentChecksum read, ContentChecksum written, long bytes, int seconds) {
        return new CopyReport(
                INDEX, "copy-slice", read, written, null, bytes, List.of(), List.of(), T0, T0.plusSeconds(seconds));
    }

    private static TaskState slice(int ordinal, TaskResult result) {
        return new TaskState(new TaskId("m1", ordinal), TaskType.COPY_SLICE, INDEX, result, null, true);
    }

    private static ContentChecksum checksum(long documents) {
        return new ContentChecksum(documents, "0");
    }

    private static Migration migration() {
        StoredCopy.Plan plan = new StoredCopy.Plan(
                "5.6.16",
                "7.10.2",
                1_000_000,
                null,
                List.of(new StoredCopy.PlannedIndex(INDEX, 3000, 300_000, 3, false, Map.of(), Map.of(), List.of())),
                List.of(),
                List.of(),
                List.of());
        StoredCopy copy = new StoredCopy(
                List.of("http://old:9200"), false, List.of("events-*"), "fail", "none", false, null, null, plan);
        return new Migration(
                "m1",
                MigrationKind.ES_COPY,
                MigrationStatus.RUNNING,
                new Migration.Targets(null, null, List.of("http://new:9200")),
                null,
                copy,
                List.of(),
                null,
                T0,
                T0);
    }
}
