package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.Migrations.elastic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.clearmlmigrator.localservers.ElasticRelease;
import com.clearmlmigrator.localservers.FolderNode;
import com.clearmlmigrator.localservers.StackPorts;

import io.restassured.path.json.JsonPath;

/**
 * ClearML's stores met in the moments after their start, as in a maintenance window: README has the operator restart
 * ClearML's Elasticsearch to publish its port, and run the migrator next.
 */
@OnSecondSystem
class JustStartedStoresIT {

    /**
     * An ES 5.6 server read before it has recovered its cluster state: one that waits for a second data node which
     * never comes, so it recovers alone 20 s after its start ({@code gateway.recover_after_time}; on one node without
     * it, about half a second). Every read is refused meanwhile, 503 {@code SERVICE_UNAVAILABLE/1/state not recovered},
     * which the planner took for a write block: the inspection failed at once, advising to free disk space. Now the
     * planner waits for the cluster, and the inspection counts its index.
     */
    @Test
    void aClusterThatHasNotRecoveredItsStateYetIsWaitedFor(@TempDir Path folder) {
        FolderNode server = new FolderNode(
                "elasticsearch-5-recovering",
                ElasticRelease.ES_5_6_16,
                folder,
                "clearml",
                "clearml",
                "256m",
                StackPorts.freePort());
        String index = "events-log-" + RunningSystem.WORLD.companies().get(0).id();
        RunningSystem.stack().startElasticOnFolder(server);
        try {
            ElasticHttp cluster = new ElasticHttp(server.url());
            for (int i = 0; i < 3; i++) {
                cluster.put("/" + index + "/event/" + i, "{\"task\":\"t\",\"msg\":\"line " + i + "\"}");
            }
            cluster.post("/" + index + "/_flush", "{}");
            RunningSystem.stack().stop(server.name());
            RunningSystem.stack()
                    .launchElasticOnFolder(
                            server, Map.of("gateway.expected_data_nodes", "2", "gateway.recover_after_time", "20s"));
            // ES 5.6 answers GET / with 503 and its version until it has recovered.
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> answers(server.url()));

            String id = Migrations.submit("{\"kind\":\"inspect\"," + elastic(server.url()) + "}");

            JsonPath migration = Migrations.awaitFinal(id);
            assertThat(migration.getString("status")).as(migration.prettify()).isEqualTo("SUCCEEDED");
            assertThat(documentsPerIndex(Migrations.report(id))).isEqualTo(Map.of(index, 3L));
        } finally {
            RunningSystem.stack().stop(server.name());
        }
    }

    private static boolean answers(String url) throws Exception {
        var connection =
                (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
        try {
            return connection.getResponseCode() > 0;
        } finally {
            connection.disconnect();
        }
    }

    private static Map<String, Long> documentsPerIndex(JsonPath report) {
        List<Map<String, Object>> indices = report.getList("elastic.indices");
        Map<String, Long> documents = new TreeMap<>();
        indices.forEach(
                index -> documents.put((String) index.get("index"), ((Number) index.get("documents")).longValue()));
        return documents;
    }
}
