package com.clearmlmigrator.worker.mongo.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.stores.MongoConnections;
import com.clearmlmigrator.stores.TrustedAuthorities;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;

/** The same checks against any MongoDB: the wire server here, real images where Docker runs. */
final class InspectionExpectations {
    private InspectionExpectations() {}

    static void inspectorReportsCountsAndBothArtifactShapes(String uri) {
        Map<String, List<Map<String, Object>>> collections =
                new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(11, 1, 30))).collections();
        new MongoSeeder(uri).seed(MongoDataset.DATABASE, collections);
        long legacyTasks = collections.get("task").stream()
                .filter(t -> ((Map<?, ?>) t.get("execution")).get("artifacts") instanceof List)
                .count();

        try (MongoConnections connections =
                new MongoConnections(Duration.ofSeconds(10), TrustedAuthorities.jvmOnly())) {
            CollectionInspection tasks = new MongoCollectionInspector(connections)
                    .inspect(new MongoEndpoint(uri, MongoDataset.DATABASE), "task");

            assertThat(tasks.documents()).isEqualTo(30);
            assertThat(tasks.sizeBytes()).isPositive();
            assertThat(tasks.serverVersion()).isNotBlank();
            assertThat(legacyTasks).isBetween(1L, 29L);
            assertThat(tasks.shapes())
                    .containsEntry("artifacts-as-list", legacyTasks)
                    .containsEntry("artifacts-as-map", 30 - legacyTasks);

            CollectionInspection projects = new MongoCollectionInspector(connections)
                    .inspect(new MongoEndpoint(uri, MongoDataset.DATABASE), "project");
            assertThat(projects.documents()).isEqualTo(2);
            assertThat(projects.shapes()).isEmpty();
        }
    }
}
