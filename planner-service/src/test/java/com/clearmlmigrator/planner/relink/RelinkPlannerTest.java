package com.clearmlmigrator.planner.relink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.IdRange;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.planner.catalog.FakeCatalog;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.Migration.PlannedDocuments;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationPlan;
import com.clearmlmigrator.planner.migration.RequestRules;

class RelinkPlannerTest {
    private static final MongoEndpoint MONGO = new MongoEndpoint("mongodb://m", "backend");
    private static final ElasticEndpoint ELASTIC = new ElasticEndpoint(List.of("http://es:9200"), null, null);
    private static final RelinkSpec SPEC =
            new RelinkSpec("http://files.old.lan:8081/", "https://files.example.com/", false, List.of(), List.of());

    private final FakeCatalog catalog = new FakeCatalog(
            Map.of("backend", List.of("model", "task", "user", "versions")),
            Map.of(
                    "events-log-c", 100_000L,
                    "events-plot-c", 10L,
                    "events-training_debug_image-c", 45_000L,
                    "worker_stats_c_2020-08", 10L),
            Map.of("task", List.of("4", "8", "c")));
    private final RelinkPlanner planner = new RelinkPlanner(catalog, catalog, new RelinkChunking(5000, 20_000, 4, 16));

    @Test
    void splitsCollectionsWithReferenceFieldsIntoIdRanges() {
        List<MigrationTask> tasks = planner.plan("job", RequestRules.order(MigrationKind.RELINK, MONGO, null, SPEC))
                .tasks();

        assertThat(tasks).extracting(MigrationTask::target).containsExactly("model", "task", "task", "task", "task");
        assertThat(tasks.subList(1, 5))
                .extracting(MigrationTask::idRange)
                .containsExactly(
                        new IdRange(null, "4"), new IdRange("4", "8"), new IdRange("8", "c"), new IdRange("c", null));
    }

    @Test
    void countsTheDocumentsOfEveryCollectionAndIndexItPlansSoProgressCanSayHowFarTheRelinkIs() {
        catalog.withCollectionDocuments(Map.of("model", 3_000L, "task", 19_500L, "user", 2L));

        MigrationPlan plan = planner.plan("job", RequestRules.order(MigrationKind.RELINK, MONGO, ELASTIC, SPEC));

        assertThat(plan.planned())
                .containsExactly(
                        new PlannedDocuments("model", 3_000),
                        new PlannedDocuments("task", 19_500),
                        new PlannedDocuments("events-training_debug_image-c", 45_000),
                        new PlannedDocuments("events-plot-c", 10));
        assertThat(plan.appliedTo(Migration.accepted(
                                "job", RequestRules.order(MigrationKind.RELINK, MONGO, ELASTIC, SPEC), Instant.EPOCH))
                        .planned())
                .isEqualTo(plan.planned());
    }

    @Test
    void slicesIndicesWithReferenceFieldsAndSkipsTheOthers() {
        List<MigrationTask> tasks = planner.plan("job", RequestRules.order(MigrationKind.RELINK, null, ELASTIC, SPEC))
                .tasks();

        assertThat(tasks).extracting(MigrationTask::target).doesNotContain("events-log-c", "worker_stats_c_2020-08");
        assertThat(tasks)
                .filteredOn(t -> t.target().startsWith("events-training_debug_image"))
                .extracting(MigrationTask::slice)
                .containsExactly(new Slice(0, 3), new Slice(1, 3), new Slice(2, 3));
        // Plots are sliced by their own, smaller size: 10 plots at 4 per slice.
        assertThat(tasks)
                .filteredOn(t -> t.target().equals("events-plot-c"))
                .extracting(MigrationTask::slice)
                .containsExactly(new Slice(0, 3), new Slice(1, 3), new Slice(2, 3));
    }

    @Test
    void closedOrRedIndicesToRelinkStopThePlanAndIndicesItWouldNotTouchDoNot() {
        catalog.withUnreadable(Map.of(
                "events-plot-c", "closed",
                "events-training_debug_image-c", "red",
                "events-log-c", "closed"));

        assertTheRelinkOfTheClusterIsRefusedSaying(
                "has 2 ClearML indices to relink that cannot be read whole: events-plot-c (closed),"
                        + " events-training_debug_image-c (red)",
                "nothing was changed");
        // Logs are relinked only when included, so a closed log index stops nothing else.
        catalog.withUnreadable(Map.of("events-log-c", "closed"));
        assertThat(planner.plan("job", RequestRules.order(MigrationKind.RELINK, null, ELASTIC, SPEC))
                        .tasks())
                .isNotEmpty();
    }

    @Test
    void writeBlockedIndicesToRelinkStopThePlanUnlessItIsADryRun() {
        catalog.withWriteBlocked(Map.of(
                "events-training_debug_image-c", "index.blocks.write",
                "events-log-c", "index.blocks.read_only"));

        assertTheRelinkOfTheClusterIsRefusedSaying(
                "has 1 ClearML index to relink with a write block: events-training_debug_image-c (index.blocks.write)",
                "relink that one",
                "nothing was changed");
        RelinkSpec dryRun = new RelinkSpec(SPEC.from(), SPEC.to(), true, List.of(), List.of());
        assertThat(planner.plan("job", RequestRules.order(MigrationKind.RELINK, null, ELASTIC, dryRun))
                        .tasks())
                .as("a dry run writes nothing, so a block does not stop it")
                .isNotEmpty();
    }

    @Test
    void plansTheLargestIndexFirstSoItsSlicesDoNotRunAloneAtTheEnd() {
        List<MigrationTask> tasks = planner.plan("job", RequestRules.order(MigrationKind.RELINK, null, ELASTIC, SPEC))
                .tasks();

        // 45,000 debug images before 10 plots, although the catalog lists the plots first.
        assertThat(tasks)
                .extracting(MigrationTask::target)
                .containsExactly(
                        "events-training_debug_image-c",
                        "events-training_debug_image-c",
                        "events-training_debug_image-c",
                        "events-plot-c",
                        "events-plot-c",
                        "events-plot-c");
        assertThat(tasks).extracting(t -> t.id().ordinal()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void logsAreRelinkedOnlyWhenIncluded() {
        RelinkSpec withLogs = new RelinkSpec(SPEC.from(), SPEC.to(), false, List.of("logs"), List.of());

        List<MigrationTask> tasks = planner.plan(
                        "job", RequestRules.order(MigrationKind.RELINK, null, ELASTIC, withLogs))
                .tasks();

        assertThat(tasks).filteredOn(t -> t.target().equals("events-log-c")).hasSize(5);
    }

    private void assertTheRelinkOfTheClusterIsRefusedSaying(String... sentences) {
        assertThatThrownBy(() -> planner.plan("job", RequestRules.order(MigrationKind.RELINK, null, ELASTIC, SPEC)))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.BAD_INPUT);
                    assertThat(e.getMessage()).contains(sentences);
                });
    }
}
