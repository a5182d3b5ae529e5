package com.clearmlmigrator.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.TaskType;

class InspectPlannerTest {
    private static final MongoEndpoint MONGO = new MongoEndpoint("mongodb://m", "backend");
    private static final ElasticEndpoint ELASTIC = new ElasticEndpoint(List.of("http://es:9200"), null, null);

    private final InspectPlanner planner = new InspectPlanner(
            endpoint -> List.of("model", "task"), endpoint -> List.of("events-log-c", "events-plot-c"));

    @Test
    void plansOneTaskPerCollectionThenOnePerIndex() {
        List<MigrationTask> tasks = planner.plan("job", RequestRules.order(MigrationKind.INSPECT, MONGO, ELASTIC));

        assertThat(tasks)
                .extracting(MigrationTask::type, MigrationTask::target)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TaskType.INSPECT_COLLECTION, "model"),
                        org.assertj.core.groups.Tuple.tuple(TaskType.INSPECT_COLLECTION, "task"),
                        org.assertj.core.groups.Tuple.tuple(TaskType.INSPECT_INDEX, "events-log-c"),
                        org.assertj.core.groups.Tuple.tuple(TaskType.INSPECT_INDEX, "events-plot-c"));
    }

    @Test
    void planningAgainYieldsTheSameTaskIds() {
        MigrationOrder order = RequestRules.order(MigrationKind.INSPECT, MONGO, ELASTIC);

        assertThat(planner.plan("job", order)).isEqualTo(planner.plan("job", order));
        assertThat(planner.plan("job", order))
                .extracting(t -> t.id().toString())
                .startsWith("job-0000", "job-0001");
    }

    @Test
    void onlyTheGivenStoreIsPlanned() {
        List<MigrationTask> tasks = planner.plan("job", RequestRules.order(MigrationKind.INSPECT, null, ELASTIC));

        assertThat(tasks).allSatisfy(t -> assertThat(t.type()).isEqualTo(TaskType.INSPECT_INDEX));
    }
}
