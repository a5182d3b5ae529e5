package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.ManagedProcess;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

/**
 * An Elasticsearch copy that loses its worker mid-slice ({@code kill -9}) and then its planner, and one whose Kafka
 * broker restarts mid-copy, on the real local servers. A second worker takes the killed one's tasks over, a restarted
 * planner goes on from its stored state and the results that waited on Kafka, and every copied document ends identical
 * to its source: nothing lost, nothing duplicated.
 */
@OnRunningSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EsCopyFaultsIT {
    @RegisterExtension
    static final OwnCompanies own =
            OwnCompanies.onStack(ElasticEra.ES5, DatasetSpec.of(11, 3, 12)).copiedToStackEs7();

    @Test
    @Order(1)
    void aKilledWorkerAndARestartedPlannerLoseNothingAndDuplicateNothing() throws Exception {
        ManagedProcess firstWorker = RunningSystem.stack().process(LocalStack.ELASTIC_WORKER);
        ServiceFaults.startSecondCopy(LocalStack.ELASTIC_WORKER, "elastic-worker-2");

        // Slow enough (about 15 documents a second per task) that the kills land mid-copy.
        String id = Migrations.submit(copyRequest("\"afterCopy\":\"none\",\"maxDocsPerSecond\":60"));
        awaitFirstCopiedDocuments(id);
        ServiceFaults.kill(firstWorker);
        ServiceFaults.restartPlanner();

        assertCopiedWhole(id);
    }

    @Test
    @Order(2)
    void aKafkaBrokerRestartMidCopyLosesNothingAndDuplicatesNothing() throws Exception {
        String id = Migrations.submit(
                copyRequest("\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\",\"maxDocsPerSecond\":60"));
        awaitFirstCopiedDocuments(id);

        ServiceFaults.restartBroker();

        assertCopiedWhole(id);
    }

    @Test
    @Order(3)
    void progressShowsWhileASliceIsStillCopying() {
        String logs = own.index("events-log-");
        // One or two documents a second per task: a slice of 40 takes 20 s or more and reports between its pages of
        // 10, a window wide enough even for a planner whose progress consumer is still rejoining after the restarts
        // above.
        String id = Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic5Url(),
                RunningSystem.ports().elastic7Url(),
                List.of(logs),
                "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\",\"maxDocsPerSecond\":4"));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            JsonPath now = RunningSystem.given().get("/migrations/" + id).jsonPath();
            // Each is null until the copy is planned, so the wait goes on until then.
            Integer slicesDone = now.get("copy.indices[0].slicesDone");
            Number copied = now.get("copy.indices[0].copied");
            Number eta = now.get("copy.indices[0].etaSeconds");
            assertThat(slicesDone).as("no slice has ended yet").isEqualTo(0);
            assertThat(copied).as("documents copied so far").isNotNull();
            assertThat(copied.longValue()).as("documents copied so far").isPositive();
            assertThat(eta).as("time left").isNotNull();
            assertThat(eta.longValue()).as("time left").isPositive();
        });

        JsonPath migration = Migrations.awaitEnded(id, "SUCCEEDED");
        assertThat(migration.getLong("copy.copied")).isEqualTo(migration.getLong("copy.documents"));
        assertThat(new ElasticHttp(RunningSystem.ports().elastic7Url()).documents(logs))
                .isEqualTo(new ElasticHttp(RunningSystem.ports().elastic5Url()).documents(logs));
    }

    @Test
    @Order(4)
    void aWriteToTheSourceDuringTheCopyFailsTheIndexInsteadOfGoingMissing() {
        // 48 documents: two slices, each reading the source's write count before its scroll opens.
        String images = own.index("events-training_debug_image-");
        String id = copyWhileOneMoreDocumentIsWritten(images, "");

        Migrations.awaitEnded(id, "COMPLETED_WITH_ERRORS");
        JsonPath report = Migrations.report(id);
        assertThat(report.getList("failures.reason", String.class)).containsExactly("BAD_INPUT");
        assertThat(report.getString("failures[0].detail"))
                .contains("The source index " + images + " took 1 write while it was copied")
                .contains("ifTargetExists");
        assertThat(report.getBoolean("indices[0].checksumMatch")).isFalse();
        assertThat(new ElasticHttp(RunningSystem.ports().elastic5Url())
                        .get("/" + images + "/_settings")
                        .path(images)
                        .path("settings")
                        .path("index")
                        .path("blocks")
                        .path("write")
                        .asText())
                .as("the source is sealed, so a new copy reads it whole")
                .isEqualTo("true");
    }

    @Test
    @Order(5)
    void aWriteToASourceLeftWritableIsNotedInTheReport() {
        // 36 documents: one task that copies and verifies.
        String logs = own.index("events-log-");
        String id = copyWhileOneMoreDocumentIsWritten(logs, ",\"afterCopy\":\"none\"");

        Migrations.awaitEnded(id, "SUCCEEDED");
        assertThat(Migrations.report(id).getList("indices[0].notes", String.class))
                .anySatisfy(note -> assertThat(note)
                        .contains("The source index " + logs + " took 1 write while it was copied")
                        .contains("stays writable"));
    }

    /**
     * Starts a slow copy of one index and, once it has copied its first documents, writes one more to the source, as
     * a ClearML server still running would: a copy of one of the index's documents under a new id.
     */
    private static String copyWhileOneMoreDocumentIsWritten(String index, String moreOptions) {
        String id = Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic5Url(),
                RunningSystem.ports().elastic7Url(),
                List.of(index),
                "\"ifTargetExists\":\"overwrite\",\"maxDocsPerSecond\":4" + moreOptions));
        awaitFirstCopiedDocuments(id);
        ElasticHttp es5 = new ElasticHttp(RunningSystem.ports().elastic5Url());
        JsonNode hit = es5.post("/" + index + "/_search", "{\"size\":1}")
                .path("hits")
                .path("hits")
                .get(0);
        String routing =
                hit.hasNonNull("_routing") ? "&routing=" + hit.path("_routing").asText() : "";
        JsonNode answer = es5.put(
                "/" + index + "/" + hit.path("_type").asText() + "/written-during-the-copy?refresh=true" + routing,
                hit.path("_source").toString());
        assertThat(answer.path("result").asText()).as(answer.toString()).isEqualTo("created");
        return id;
    }

    /**
     * A cancel stops the copy tasks under way at the end of their bulk, not at their end: a slice of millions of
     * documents runs for an hour, and its migration held the target (no new copy, no undo) until then. What it wrote
     * stays marked {@code copying}, for a later {@code skip} to copy again.
     */
    @Test
    @Order(6)
    void aCancelStopsTheCopyTasksUnderWayAtTheEndOfTheirBulk() {
        String logs = own.index("events-log-");
        ElasticHttp es5 = new ElasticHttp(RunningSystem.ports().elastic5Url());
        ElasticHttp es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        // Two documents a second: each slice of the index would take 20 s or more to its end.
        String id = Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic5Url(),
                RunningSystem.ports().elastic7Url(),
                List.of(logs),
                "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\",\"maxDocsPerSecond\":2"));
        awaitFirstCopiedDocuments(id);

        RunningSystem.given().post("/migrations/" + id + "/cancel").then().statusCode(200);

        await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> RunningSystem.given().get("/migrations/" + id).path("tasks.pending"),
                        pending -> pending.equals(0));
        JsonPath cancelled = RunningSystem.given().get("/migrations/" + id).jsonPath();
        assertThat(cancelled.getInt("tasks.skipped"))
                .as("the tasks under way answered skipped")
                .isPositive();
        es7.post("/" + logs + "/_refresh", "{}");
        int onTarget = es7.documents(logs).size();
        assertThat(onTarget)
                .as("the slices stopped part-way")
                .isLessThan(es5.documents(logs).size());
        assertThat(Migrations.report(id).getLong("indices.find { it.index == '" + logs + "' }.copied"))
                .as("the report counts what the slices stopped part-way had written, not only the slices that ended")
                .isEqualTo((long) onTarget);
        assertThat(es7.get("/" + logs + "/_mapping")
                        .path(logs)
                        .path("mappings")
                        .path("_meta")
                        .path("clearml_migrator")
                        .path("state")
                        .asText())
                .isEqualTo("copying");
    }

    private static void awaitFirstCopiedDocuments(String id) {
        await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> RunningSystem.given().get("/migrations/" + id).path("copy.copied"),
                        copied -> copied != null && ((Number) copied).longValue() > 0);
    }

    private static void assertCopiedWhole(String id) {
        Migrations.awaitEnded(id, "SUCCEEDED");
        JsonPath report = Migrations.report(id);
        assertThat(report.getList("indices.checksumMatch", Boolean.class))
                .hasSize(own.indices().size())
                .containsOnly(true);
        ElasticHttp es5 = new ElasticHttp(RunningSystem.ports().elastic5Url());
        ElasticHttp es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        for (String index : own.indices()) {
            assertThat(es7.documents(index)).as(index).isEqualTo(es5.documents(index));
        }
    }

    private static String copyRequest(String options) {
        return Migrations.esCopy(
                RunningSystem.ports().elastic5Url(), RunningSystem.ports().elastic7Url(), own.indexPatterns(), options);
    }
}
