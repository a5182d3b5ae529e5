package com.clearmlmigrator.worker.mongo.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.UrlPrefixCount;
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

        AtomicLong scanned = new AtomicLong();
        try (MongoConnections connections =
                new MongoConnections(Duration.ofSeconds(10), TrustedAuthorities.jvmOnly())) {
            CollectionInspection tasks = new MongoCollectionInspector(connections)
                    .inspect(new MongoEndpoint(uri, MongoDataset.DATABASE), "task", scanned::addAndGet);

            assertThat(tasks.documents()).isEqualTo(30);
            assertThat(tasks.sizeBytes()).isPositive();
            assertThat(tasks.serverVersion()).isNotBlank();
            assertThat(legacyTasks).isBetween(1L, 29L);
            assertThat(tasks.shapes())
                    .containsEntry("artifacts-as-list", legacyTasks)
                    .containsEntry("artifacts-as-map", 30 - legacyTasks);
            assertThat(scanned).as("documents the census read").hasValue(30);
            assertThat(tasks.urlPrefixes())
                    .contains(new UrlPrefixCount(
                            "execution.artifacts.*.uri",
                            DatasetSpec.DEFAULT_FILE_SERVER,
                            artifactUrisStartingWith(collections.get("task"), DatasetSpec.DEFAULT_FILE_SERVER + "/")));
            assertThat(tasks.urlPrefixes())
                    .extracting(UrlPrefixCount::field)
                    .as("no census of fields a relink never rewrites")
                    .doesNotContain("script.repository", "id", "_id");

            CollectionInspection projects = new MongoCollectionInspector(connections)
                    .inspect(new MongoEndpoint(uri, MongoDataset.DATABASE), "project", n -> {});
            assertThat(projects.documents()).isEqualTo(2);
            assertThat(projects.shapes()).isEmpty();
        }
    }

    /** The test's own count: artifact URIs, in either shape, that start with the prefix. */
    private static long artifactUrisStartingWith(List<Map<String, Object>> tasks, String prefix) {
        return tasks.stream()
                .map(task -> ((Map<?, ?>) task.get("execution")).get("artifacts"))
                .flatMap(artifacts ->
                        artifacts instanceof Map<?, ?> byKey ? byKey.values().stream() : ((List<?>) artifacts).stream())
                .map(artifact -> String.valueOf(((Map<?, ?>) artifact).get("uri")))
                .filter(uri -> uri.startsWith(prefix))
                .count();
    }
}
