package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.Migrations.elastic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * ClearML's stores met in the moments after their start, as in a maintenance window: README has the operator restart
 * ClearML's Elasticsearch to publish its port, and runs the migrator next.
 */
@OnSecondSystem
class JustStartedStoresIT {
    private static final String NAME = "elasticsearch-7-recovering";

    /**
     * A cluster read before it has recovered its cluster state: one that waits for a second data node which never comes,
     * so it recovers alone after 30 s ({@code gateway.recover_after_time}). Every read is refused meanwhile with {@code
     * SERVICE_UNAVAILABLE/1/state not recovered}, which the planner took for a write block: the inspection failed,
     * advising to free disk space. Now the planner waits for the cluster and the inspection counts its index.
     */
    @Test
    void aClusterThatHasNotRecoveredItsStateYetIsWaitedFor() {
        int http = ServiceFaults.freePort();
        int transport = ServiceFaults.freePort();
        String url = "http://127.0.0.1:" + http;
        String index = "events-log-" + RunningSystem.WORLD.companies().get(0).id();
        RunningSystem.stack().startAnotherElastic7(NAME, http, transport);
        try {
            ElasticHttp cluster = new ElasticHttp(url);
            for (int i = 0; i < 3; i++) {
                cluster.put("/" + index + "/_doc/" + i, "{\"task\":\"t\",\"msg\":\"line " + i + "\"}");
            }
            cluster.post("/" + index + "/_flush", "{}");
            RunningSystem.stack().stop(NAME);
            RunningSystem.stack()
                    .launchAnotherElastic7(
                            NAME,
                            http,
                            transport,
                            Map.of("gateway.expected_data_nodes", "2", "gateway.recover_after_time", "30s"));
            await().atMost(Duration.ofMinutes(2))
                    .ignoreExceptions()
                    .until(() -> !cluster.version().isEmpty());

            String id = Migrations.submit("{\"kind\":\"inspect\"," + elastic(url) + "}");

            JsonPath migration = Migrations.awaitFinal(id);
            assertThat(migration.getString("status")).as(migration.prettify()).isEqualTo("SUCCEEDED");
            assertThat(documentsPerIndex(Migrations.report(id))).isEqualTo(Map.of(index, 3L));
        } finally {
            RunningSystem.stack().stop(NAME);
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
