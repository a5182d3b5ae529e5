package com.clearmlmigrator.planner.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.catalog.FakeCatalog;
import com.clearmlmigrator.planner.migration.Migration.PlannedDocuments;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.MigrationPlan;
import com.clearmlmigrator.planner.migration.RequestRules;

class InspectPlannerTest {
    private static final MongoEndpoint MONGO = new MongoEndpoint("mongodb://m", "backend");
    private static final ElasticEndpoint ELASTIC = new ElasticEndpoint(List.of("http://es:9200"), null, null);

    private final FakeCatalog catalog = new FakeCatalog(
            Map.of("admin", List.of("system.version"), "auth", List.of("user"), "backend", List.of("model", "task")),
            Map.of("events-log-c", 10L, "events-plot-c", 10L),
            Map.of());
    private final InspectPlanner planner = new InspectPlanner(catalog, catalog);

    @Test
    void plansOneTaskPerCollectionOfBothClearmlDatabasesThenOnePerIndex() {
        List<MigrationTask> tasks = planner.plan("job", RequestRules.order(MigrationKind.INSPECT, MONGO, ELASTIC))
                .tasks();

        assertThat(tasks)
                .extracting(MigrationTask::type, MigrationTask::target)
                .containsExactly(
                        tuple(TaskType.INSPECT_COLLECTION, "model"),
                        tuple(TaskType.INSPECT_COLLECTION, "task"),
                        tuple(TaskType.INSPECT_COLLECTION, "user"),
                        tuple(TaskType.INSPECT_INDEX, "events-log-c"),
                        tuple(TaskType.INSPECT_INDEX, "events-plot-c"));
    }

    @Test
    void thePlanKeepsWhatEachCollectionAndIndexHeldInPlanOrder() {
        catalog.withCollectionDocuments(Map.of("model", 3_000L, "task", 19_500L, "user", 2L));

        MigrationPlan plan = planner.plan("job", RequestRules.order(MigrationKind.INSPECT, MONGO, ELASTIC));

        assertThat(plan.planned())
                .containsExactly(
                        new PlannedDocuments("model", 3_000L),
                        new PlannedDocuments("task", 19_500L),
                        new PlannedDocuments("user", 2L),
                        new PlannedDocuments("events-log-c", 10L),
                        new PlannedDocuments("events-plot-c", 10L));
    }

    @Test
    void aClosedOrRedIndexIsPlannedWithoutBeingCounted() {
        catalog.withUnreadable(Map.of("events-plot-c", "red"));

        MigrationPlan plan = planner.plan("job", RequestRules.order(MigrationKind.INSPECT, null, ELASTIC));

        assertThat(plan.tasks()).extracting(MigrationTask::target).containsExactly("events-log-c", "events-plot-c");
        assertThat(plan.planned())
                .containsExactly(new PlannedDocuments("events-log-c", 10L), new PlannedDocuments("events-plot-c", 0L));
    }

    @Test
    void authCollectionsAreInspectedInTheAuthDatabase() {
        List<MigrationTask> tasks = planner.plan("job", RequestRules.order(MigrationKind.INSPECT, MONGO, null))
                .tasks();

        assertThat(tasks.get(0).mongo().database()).isEqualTo("backend");
        assertThat(tasks.get(2).mongo().database()).isEqualTo("auth");
    }

    @Test
    void planningAgainYieldsTheSameTaskIds() {
        MigrationOrder order = RequestRules.order(MigrationKind.INSPECT, MONGO, ELASTIC);

        assertThat(planner.plan("job", order).tasks())
                .isEqualTo(planner.plan("job", order).tasks());
        assertThat(planner.plan("job", order).tasks())
                .extracting(t -> t.id().toString())
                .startsWith("job-0000", "job-0001");
    }

    @Test
    void onlyTheGivenStoreIsPlanned() {
        List<MigrationTask> tasks = planner.plan("job", RequestRules.order(MigrationKind.INSPECT, null, ELASTIC))
                .tasks();

        assertThat(tasks).allSatisfy(t -> assertThat(t.type()).isEqualTo(TaskType.INSPECT_INDEX));
    }
}
