package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static com.clearmlmigrator.e2e.WorkerMetrics.scrapeWorkers;
import static com.clearmlmigrator.e2e.WorkerMetrics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;
import com.clearmlmigrator.synthetic.EventDocument;
import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

/**
 * The Elasticsearch upgrade copy through the whole system, from the real ES 5.6.16 node to the real ES 7.10.2 node:
 * companies of their own (so the other end-to-end tests' indices are untouched), every event type, compressed plots,
 * and monthly worker and queue statistics. Every copied document is compared with its source by id, routing and
 * content.
 */
@OnRunningSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EsCopyIT {
    private static final ClearmlWorld WORLD = ClearmlWorld.generate(DatasetSpec.of(7, 3, 12));
    // The first company of every synthetic world has ClearML's example id, which the shared dataset already uses.
    private static final List<ClearmlWorld.Company> COMPANIES =
            WORLD.companies().subList(1, WORLD.companies().size());

    private static ElasticHttp es5;
    private static ElasticHttp es7;
    private static List<String> indices;
    private static String copyId;

    @BeforeAll
    static void seedOwnCompanies() {
        es5 = new ElasticHttp(RunningSystem.ports().elastic5Url());
        es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        List<EventDocument> documents = new ArrayList<>(own(new EventDataset(WORLD, ElasticEra.ES5).documents()));
        // ES 5.6 servers never compressed plots, but a copy must carry any field it meets, large base64 included.
        own(new EventDataset(WORLD, ElasticEra.ES7).documents()).stream()
                .filter(d -> d.source().containsKey("plot_data"))
                .map(d -> new EventDocument(
                        d.index(),
                        "event",
                        d.id() + "-z",
                        String.valueOf(d.source().get("task")),
                        d.source()))
                .forEach(documents::add);
        new ElasticSeeder(RunningSystem.ports().elastic5Url()).seed(ElasticEra.ES5, documents);
        indices =
                documents.stream().map(EventDocument::index).distinct().sorted().toList();
    }

    @AfterAll
    static void leaveTheClustersAsFound() {
        if (indices == null) {
            return;
        }
        // The other end-to-end tests count and rewrite every ClearML index on both nodes: take ours away.
        for (String index : indices) {
            es5.delete("/" + index);
            es7.delete("/" + index);
        }
    }

    @Test
    @Order(1)
    void aDryRunShowsThePlanAndWritesNothing() {
        String id = Migrations.submit(copyRequest("\"dryRun\":true"));

        JsonPath migration = Migrations.awaitFinal(id);
        JsonPath report = Migrations.report(id);

        assertThat(migration.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(report.getString("sourceVersion")).isEqualTo("5.6.16");
        assertThat(report.getString("targetVersion")).isEqualTo("7.10.2");
        assertThat(report.getList("indices.index", String.class)).containsExactlyElementsOf(indices);
        assertThat(report.getLong("estimatedBytes")).isPositive();
        String scalars = "events-training_stats_scalar-" + company(0);
        Map<String, Object> mappings = report.getMap("indices.find { it.index == '" + scalars + "' }.mappings");
        assertThat(mappings).doesNotContainKeys("event", "_default_", "_routing");
        assertThat(report.getString("indices.find { it.index == '" + scalars + "' }.mappings.properties.metric.type"))
                .isEqualTo("keyword");
        assertThat(report.getList("templates", String.class)).isNotEmpty();
        for (String index : indices) {
            assertThat(es7.get("/" + index).has(index)).as(index).isFalse();
        }
    }

    @Test
    @Order(2)
    void copiesEveryIndexWithIdsRoutingAndSourcesIntactThenWriteBlocksTheSource() {
        copyId = Migrations.submit(copyRequest("\"dryRun\":false"));

        JsonPath migration = Migrations.awaitEnded(copyId, "SUCCEEDED");
        JsonPath report = Migrations.report(copyId);
        assertThat(report.getList("indices.checksumMatch", Boolean.class)).containsOnly(true);
        for (String index : indices) {
            Map<String, JsonNode> source = es5.documents(index);
            assertThat(source).as(index).isNotEmpty();
            assertThat(es7.documents(index)).as(index).isEqualTo(source);
            assertThat(report.getLong("indices.find { it.index == '" + index + "' }.targetDocuments"))
                    .isEqualTo(source.size());
            assertThat(es5.get("/" + index + "/_settings")
                            .path(index)
                            .path("settings")
                            .path("index")
                            .path("blocks")
                            .path("write")
                            .asText())
                    .as("write block on the source " + index)
                    .isEqualTo("true");
        }
        assertThat(migration.getLong("copy.copied")).isEqualTo(migration.getLong("copy.documents"));
    }

    @Test
    @Order(3)
    void theTargetAnswersClearmlsAggregationsOnKeywordMetricAndVariant() {
        JsonNode buckets = CopyAssertions.metricBuckets(es7, "events-training_stats_scalar-" + company(0));
        assertThat(buckets.size()).as(buckets.toString()).isEqualTo(2);
        // Indices the ClearML server creates later get the same mappings from the templates put first.
        String later = "events-training_stats_scalar-" + "later" + company(0);
        try {
            es7.put("/" + later, "{}");
            assertThat(es7.get("/" + later + "/_mapping")
                            .path(later)
                            .path("mappings")
                            .path("properties")
                            .path("metric")
                            .path("type")
                            .asText())
                    .isEqualTo("keyword");
        } finally {
            es7.delete("/" + later);
        }
    }

    @Test
    @Order(4)
    void replayingEveryTaskOfTheCopyChangesNothing() throws Exception {
        Map<String, Map<String, JsonNode>> before = targetDocuments();

        TaskReplay.replayAndAwaitResults(RunningSystem.ports().kafkaBootstrap(), List.of(copyId));

        assertThat(targetDocuments()).isEqualTo(before);
        assertThat(Migrations.awaitFinal(copyId).getString("status")).isEqualTo("SUCCEEDED");
    }

    /**
     * Kafka may deliver a task again after its migration ended: a worker performed it and crashed before committing its
     * offset. By then ClearML may run on the new cluster and delete events (a task reset); a copy slice performed then
     * would bring them back from the old cluster.
     */
    @Test
    @Order(5)
    void copyTasksDeliveredAgainAfterTheCopyEndedLeaveTheTargetAsClearmlLeftIt() throws Exception {
        String index = indices.stream()
                .filter(name -> name.startsWith("events-log-"))
                .findFirst()
                .orElseThrow();
        Map<String, JsonNode> copied = es7.documents(index);
        String deleted = copied.keySet().iterator().next();
        es7.post(
                "/" + index + "/_delete_by_query?refresh=true",
                "{\"query\":{\"ids\":{\"values\":[\"" + deleted + "\"]}}}");
        String leftAlone = "migrator_tasks_total\\{outcome=\"after_end\",type=\"[a-z_]+\"}";
        double leftBefore = value(
                scrapeWorkers(LocalStack.ELASTIC_WORKER, RunningSystem.ports().elasticWorker()), leftAlone);

        Map<String, Integer> replayed =
                TaskReplay.replayAsRecorded(RunningSystem.ports().kafkaBootstrap(), List.of(copyId));

        assertThat(replayed).containsOnlyKeys(Topics.ELASTIC_TASKS);
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(value(
                                scrapeWorkers(
                                        LocalStack.ELASTIC_WORKER,
                                        RunningSystem.ports().elasticWorker()),
                                leftAlone))
                        .isEqualTo(leftBefore + replayed.get(Topics.ELASTIC_TASKS)));
        es7.post("/" + index + "/_refresh", "{}");
        assertThat(es7.documents(index)).doesNotContainKey(deleted).hasSize(copied.size() - 1);
        assertThat(Migrations.awaitFinal(copyId).getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(6)
    void existingTargetIndicesFollowIfTargetExists() {
        String refused = Migrations.submit(copyRequest("\"afterCopy\":\"none\""));
        JsonPath failed = Migrations.awaitFinal(refused);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("error"))
                .contains("already has " + indices.size())
                .contains("ifTargetExists");

        String skipping = Migrations.submit(copyRequest("\"ifTargetExists\":\"skip\",\"afterCopy\":\"none\""));
        assertThat(Migrations.awaitFinal(skipping).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(Migrations.report(skipping).getList("skipped", String.class)).containsExactlyElementsOf(indices);

        String plots = "events-plot-" + company(1);
        es7.post("/" + plots + "/_delete_by_query?refresh=true", "{\"query\":{\"match_all\":{}}}");
        String overwriting = Migrations.submit(
                copyRequest(List.of(plots), "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\""));
        Migrations.awaitEnded(overwriting, "SUCCEEDED");
        assertThat(Migrations.report(overwriting).getBoolean("indices[0].replaced"))
                .isTrue();
        assertThat(es7.documents(plots)).isEqualTo(es5.documents(plots));
    }

    @Test
    @Order(7)
    void anUnreachableSourceFailsBeforeAnythingMoves() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String id = Migrations.submit("{\"kind\":\"es-copy\",\"source\":{\"hosts\":[\"http://127.0.0.1:" + closedPort
                + "\"]},\"target\":{\"hosts\":[\"" + RunningSystem.ports().elastic7Url() + "\"]}}");

        JsonPath migration = Migrations.awaitFinal(id);

        assertThat(migration.getString("status")).isEqualTo("FAILED");
        assertThat(migration.getString("error")).contains("source cluster").contains("unreachable");
        assertThat(migration.getInt("tasks.total")).isZero();
    }

    @Test
    @Order(8)
    void aWriteBlockedTargetFailsBeforeAnythingMoves() {
        es7.put("/_cluster/settings", "{\"transient\":{\"cluster.blocks.read_only\":true}}");
        try {
            String id = Migrations.submit(copyRequest("\"ifTargetExists\":\"overwrite\""));

            JsonPath migration = Migrations.awaitFinal(id);

            assertThat(migration.getString("status")).isEqualTo("FAILED");
            assertThat(migration.getString("error")).contains("cluster.blocks.read_only");
            assertThat(migration.getInt("tasks.total")).isZero();
        } finally {
            es7.put("/_cluster/settings", "{\"transient\":{\"cluster.blocks.read_only\":null}}");
        }
    }

    @Test
    @Order(9)
    void closedOrRedSourceIndicesFailBeforeAnythingMoves() throws Exception {
        String red = "events-log-red-" + company(1);
        // One shard, as every ClearML index has: red, it answers no count at all.
        String redWhole = "events-plot-red-" + company(1);
        String closed = "events-log-closed-" + company(1);
        String healthy = "events-log-" + company(1);
        try {
            makeRed(red, 2);
            makeRed(redWhole, 1);
            es5.put("/" + closed, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
            es5.post("/" + closed + "/_close", null);

            String id = Migrations.submit(
                    copyRequest(List.of(red, redWhole, closed, healthy), "\"ifTargetExists\":\"overwrite\""));
            JsonPath migration = Migrations.awaitFinal(id);

            assertThat(migration.getString("status")).isEqualTo("FAILED");
            assertThat(migration.getString("error"))
                    .contains("1 closed index matching the patterns (" + closed + ")")
                    .contains("2 red indices matching the patterns (" + red + ", " + redWhole + ")")
                    .contains("only part of its documents");
            assertThat(migration.getInt("tasks.total")).isZero();

            // The way on, without the indices that cannot be read: the same patterns, those three left out.
            String plots = "events-plot-" + company(1);
            String leavingThemOut = Migrations.submit(copyRequest(
                    List.of(
                            "events-log-*" + company(1),
                            "events-plot-*" + company(1),
                            "-" + red,
                            "-" + redWhole,
                            "-" + closed),
                    "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\""));
            Migrations.awaitEnded(leavingThemOut, "SUCCEEDED");
            assertThat(Migrations.report(leavingThemOut).getList("indices.index", String.class))
                    .containsExactlyInAnyOrder(healthy, plots);
            assertThat(es7.documents(healthy)).isEqualTo(es5.documents(healthy));
        } finally {
            es5.delete("/" + red);
            es5.delete("/" + redWhole);
            es5.delete("/" + closed);
        }
    }

    /**
     * Makes an index whose last primary is gone, as after a lost disk: the index is red. With two shards a search of it
     * answers from the other shard alone without counting the missing one as failed; with one it answers 503.
     */
    private static void makeRed(String index, int shards) throws Exception {
        es5.put("/" + index, "{\"settings\":{\"number_of_shards\":" + shards + ",\"number_of_replicas\":0}}");
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            bulk.append("{\"index\":{\"_type\":\"event\",\"_id\":\"").append(i).append("\"}}\n");
            bulk.append("{\"msg\":\"line ").append(i).append("\"}\n");
        }
        es5.post("/" + index + "/_bulk?refresh=true", bulk.toString());
        String uuid = es5.get("/_cat/indices/" + index + "?format=json&h=uuid")
                .path(0)
                .path("uuid")
                .asText();
        es5.post("/" + index + "/_close", null);
        Path es5Data = RunningSystem.stack().stateDir().resolve("data").resolve("elasticsearch-5");
        try (Stream<Path> paths = Files.walk(es5Data)) {
            Path lastShard = paths.filter(p -> p.endsWith(Path.of("indices", uuid, Integer.toString(shards - 1))))
                    .findFirst()
                    .orElseThrow();
            try (Stream<Path> inside = Files.walk(lastShard)) {
                inside.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        es5.post("/" + index + "/_open", null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> es5.get("/_cat/indices/" + index + "?format=json&h=health")
                        .path(0)
                        .path("health")
                        .asText()
                        .equals("red"));
    }

    @Test
    @Order(10)
    void copyRequestsWithoutTwoClustersAreRefused() {
        String es7Url = RunningSystem.ports().elastic7Url();
        given().contentType("application/json")
                .body("{\"kind\":\"es-copy\",\"source\":{\"hosts\":[\"" + es7Url + "\"]},\"target\":{\"hosts\":[\""
                        + es7Url + "\"]}}")
                .post("/migrations")
                .then()
                .statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("two different clusters"));
    }

    @Test
    @Order(11)
    void aWriteBlockMidCopyPausesTheMigrationAndRetryGoesOnOnceItIsLifted() {
        String logs = "events-log-" + company(0);
        String id = copyPausedOnAWriteBlock(logs);
        JsonPath paused = Migrations.awaitStatus(id, "PAUSED");
        assertThat(paused.getString("error")).contains(logs).contains("retry");
        assertThat(es7.documents(logs)).isEmpty();
        // Every task has answered, so the workers are told: a copy of one Kafka delivers again is left alone, and the
        // retry below sends its own.
        assertThat(TaskReplay.read(
                        RunningSystem.ports().kafkaBootstrap(),
                        List.of(Topics.CLOSED_MIGRATIONS),
                        announced ->
                                announced.key().equals(id) && announced.value().contains("\"PAUSED\""),
                        1))
                .isNotEmpty();
        es7.put("/" + logs + "/_settings", "{\"index.blocks.write\": false}");

        given().post("/migrations/" + id + "/retry").then().statusCode(202);

        JsonPath resumed = Migrations.awaitEnded(id, "SUCCEEDED");
        assertThat(resumed.getString("error")).isNull();
        assertThat(es7.documents(logs)).isEqualTo(es5.documents(logs));
    }

    @Test
    @Order(12)
    void aTargetAnswering429IsRetriedWithPausesAndNothingIsLost() throws Exception {
        String scalars = "events-training_stats_scalar-" + company(1);
        try (ThrottlingProxy proxy = new ThrottlingProxy(RunningSystem.ports().elastic7Url(), 3)) {
            String id = Migrations.submit("{\"kind\":\"es-copy\",\"source\":{\"hosts\":[\""
                    + RunningSystem.ports().elastic5Url() + "\"]},\"target\":{\"hosts\":[\"" + proxy.url()
                    + "\"]},\"indices\":[\"" + scalars + "\"],\"ifTargetExists\":\"overwrite\","
                    + "\"afterCopy\":\"none\"}");

            Migrations.awaitEnded(id, "SUCCEEDED");
            assertThat(proxy.refused()).isEqualTo(3);
        }
        assertThat(es7.documents(scalars)).isEqualTo(es5.documents(scalars));
    }

    /**
     * A copy cancelled part-way leaves an index it created and never verified. A new copy with {@code skip}, the way to
     * go on after a cancel, copies that one again instead of keeping it part-copied, and leaves the whole ones alone.
     */
    @Test
    @Order(13)
    void aSkipCopiesAgainAnIndexThatACancelledCopyLeftPartCopiedAndSkipsTheWholeOnes() {
        String logs = "events-log-" + company(1);
        String plots = "events-plot-" + company(1);
        Migrations.awaitEnded(
                Migrations.submit(
                        copyRequest(List.of(plots), "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\"")),
                "SUCCEEDED");
        String cancelled = copyPausedOnAWriteBlock(logs);
        given().post("/migrations/" + cancelled + "/cancel").then().statusCode(200);
        es7.put("/" + logs + "/_settings", "{\"index.blocks.write\": false}");
        assertThat(es7.documents(logs))
                .as("the cancelled copy wrote nothing into it")
                .isEmpty();

        String goingOn = Migrations.submit(
                copyRequest(List.of(logs, plots), "\"ifTargetExists\":\"skip\",\"afterCopy\":\"none\""));

        Migrations.awaitEnded(goingOn, "SUCCEEDED");
        JsonPath report = Migrations.report(goingOn);
        assertThat(report.getList("skipped", String.class)).containsExactly(plots);
        assertThat(report.getBoolean("indices[0].replaced")).isTrue();
        assertThat(es7.documents(logs)).isEqualTo(es5.documents(logs));
    }

    /**
     * A disk past its flood-stage watermark mid-copy: Elasticsearch 7 puts {@code read_only_allow_delete} on the index
     * and answers the next bulk's items 429, as it answers throttling. The copy pauses and names the block, rather than
     * sending the bulk again for a minute and failing with advice to slow down; once the block is lifted, retry finishes
     * it.
     */
    @Test
    @Order(14)
    void aFloodStageBlockMidCopyPausesTheCopyAndRetryFinishesItOnceTheBlockIsLifted() {
        String debugImages = "events-training_debug_image-" + company(0);
        String id = Migrations.submit(copyRequest(
                List.of(debugImages),
                "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\",\"maxDocsPerSecond\":20"));
        await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> given().get("/migrations/" + id).path("copy.indices[0].copied"),
                        n -> ((Number) n).longValue() > 0);
        es7.put("/" + debugImages + "/_settings", "{\"index.blocks.read_only_allow_delete\":true}");
        try {
            JsonPath paused = Migrations.awaitStatus(id, "PAUSED");
            assertThat(paused.getString("error")).contains(debugImages).contains("flood-stage watermark");
        } finally {
            es7.put("/" + debugImages + "/_settings", "{\"index.blocks.read_only_allow_delete\":null}");
        }

        given().post("/migrations/" + id + "/retry").then().statusCode(202);

        Migrations.awaitEnded(id, "SUCCEEDED");
        assertThat(es7.documents(debugImages)).isEqualTo(es5.documents(debugImages));
    }

    /**
     * Elasticsearch just started (as when an operator restarts ClearML's to publish its port): an index is red until
     * its primary opens. The planner waits for it instead of refusing it as one with a lost shard. Here the primary of
     * a new index is held unassigned by an allocation filter, lifted while the copy is being planned.
     */
    @Test
    @Order(15)
    void anIndexStillOpeningIsWaitedForAndCopied() {
        String opening = "events-log-opening-" + company(1);
        // Not waiting for a primary that cannot be assigned: the create would wait 30 s for it (as it did, each run).
        es5.put(
                "/" + opening + "?wait_for_active_shards=0",
                "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0,"
                        + "\"index.routing.allocation.require._name\":\"nowhere\"}}");
        try {
            String id = Migrations.submit(copyRequest(List.of(opening), "\"afterCopy\":\"none\""));
            // Planning, all of the first 2 s: waiting for the shard, not refusing the index.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> given().get("/migrations/" + id).path("status"), "PLANNING"::equals);

            es5.put("/" + opening + "/_settings", "{\"index.routing.allocation.require._name\":null}");

            Migrations.awaitEnded(id, "SUCCEEDED");
            assertThat(Migrations.report(id).getList("indices.index", String.class))
                    .containsExactly(opening);
        } finally {
            es5.delete("/" + opening);
            es7.delete("/" + opening);
        }
    }

    /**
     * A target index that no copy of the migrator verified (made by other means: ClearML's upgrade script goes on past an
     * index it fails to copy) and that has fewer documents than its source. A skip would keep it short: the pre-flight
     * names it with both counts instead, before anything is written; closed, it is named as one that cannot be read.
     */
    @Test
    @Order(16)
    void aSkipRefusesToKeepAnIndexOfUnknownCopyStateWithFewerDocumentsThanTheSource() {
        String plots = "events-plot-" + company(0);
        Migrations.awaitEnded(
                Migrations.submit(
                        copyRequest(List.of(plots), "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\"")),
                "SUCCEEDED");
        es7.put("/" + plots + "/_mapping", "{\"_meta\":{}}");
        String lost = es7.documents(plots).keySet().iterator().next();
        es7.post(
                "/" + plots + "/_delete_by_query?refresh=true",
                "{\"query\":{\"ids\":{\"values\":[\"" + lost + "\"]}}}");
        int sourceCount = es5.documents(plots).size();

        String skipping =
                Migrations.submit(copyRequest(List.of(plots), "\"ifTargetExists\":\"skip\",\"afterCopy\":\"none\""));

        JsonPath refused = Migrations.awaitEnded(skipping, "FAILED");
        assertThat(refused.getString("error"))
                .contains(plots + " (" + (sourceCount - 1) + " of " + sourceCount + ")")
                .contains("\"ifTargetExists\" set to \"overwrite\"");
        assertThat(es7.documents(plots))
                .as("left as it was")
                .hasSize(sourceCount - 1)
                .doesNotContainKey(lost);

        // Closed, it can be counted no more: named as such, where the count failed the planning with a bare "closed".
        es7.post("/" + plots + "/_close", "{}");
        try {
            String closedSkip = Migrations.submit(
                    copyRequest(List.of(plots), "\"ifTargetExists\":\"skip\",\"afterCopy\":\"none\""));
            assertThat(Migrations.awaitEnded(closedSkip, "FAILED").getString("error"))
                    .contains("1 existing index that cannot be read (" + plots + " (closed))");
        } finally {
            es7.post("/" + plots + "/_open", "{}");
        }
    }

    /**
     * A target whose shard limit ({@code cluster.max_shards_per_node}) leaves no room for the new index. Elasticsearch
     * would refuse to create it, or, once copied, to put its replicas back (leaving it without them): the pre-flight
     * says so first, naming the setting, and nothing is written. The one-node target never places the replica the
     * index has on the source: copied without replicas, as the sentence says, it fits, and the target stays green.
     */
    @Test
    @Order(17)
    void aTargetWhoseShardLimitLeavesNoRoomFailsBeforeAnythingMovesAndTakesTheIndexWithoutReplicas() {
        String logs = "events-log-" + company(0);
        es7.delete("/" + logs);
        long open = 0;
        for (JsonNode row : es7.get("/_cat/indices?format=json&h=status,pri,rep")) {
            if (row.path("status").asText().equals("open")) {
                open += row.path("pri").asLong() * (1 + row.path("rep").asLong());
            }
        }
        // One shard short of the new index's primary and its replica.
        es7.put("/_cluster/settings", "{\"transient\":{\"cluster.max_shards_per_node\":" + (open + 1) + "}}");
        try {
            String id = Migrations.submit(copyRequest(List.of(logs), "\"afterCopy\":\"none\""));

            JsonPath migration = Migrations.awaitEnded(id, "FAILED");

            assertThat(migration.getString("error"))
                    .contains("Pre-flight failed; nothing was written.")
                    .contains("allows " + (open + 1) + " open shards")
                    .contains("would add 2 (1 primary and 1 replica of the new indices)")
                    .contains("cluster.max_shards_per_node")
                    .contains("set \"replicas\" to 0 and the copy adds 1, which fits.");
            assertThat(migration.getInt("tasks.total")).isZero();
            assertThat(es7.get("/" + logs).has(logs)).as("not created").isFalse();

            String withoutReplicas =
                    Migrations.submit(copyRequest(List.of(logs), "\"afterCopy\":\"none\",\"replicas\":0"));

            Migrations.awaitEnded(withoutReplicas, "SUCCEEDED");
            assertThat(Migrations.report(withoutReplicas).getInt("replicas")).isZero();
            assertThat(es7.get("/" + logs + "/_settings")
                            .path(logs)
                            .path("settings")
                            .path("index")
                            .path("number_of_replicas")
                            .asText())
                    .isEqualTo("0");
            assertThat(es7.get("/_cluster/health/" + logs).path("status").asText())
                    .isEqualTo("green");
            assertThat(es7.documents(logs)).isEqualTo(es5.documents(logs));

            String planned = Migrations.submit(copyRequest(
                    List.of(logs), "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\",\"dryRun\":true"));
            Migrations.awaitEnded(planned, "SUCCEEDED");
            assertThat(Migrations.report(planned).getList("notes", String.class))
                    .as("a copy that keeps the source's replica on one node")
                    .singleElement()
                    .asString()
                    .contains("The target has 1 data node, too few to place every replica of 1 of the copied indices")
                    .contains("Set \"replicas\" to 0");
        } finally {
            es7.put("/_cluster/settings", "{\"transient\":{\"cluster.max_shards_per_node\":null}}");
        }
    }

    /**
     * An index created before ClearML's template was in place: {@code metric} and {@code variant} dynamically mapped
     * as text, on which ClearML's aggregations fail (ClearML issue #233). Inspect names them; the copy maps them as
     * keyword, as the template does, says so in the report, and the same aggregation then answers on the target.
     */
    @Test
    @Order(18)
    void fieldsAnIndexHoldsAsDynamicTextAreCopiedAsKeywordAsClearmlsTemplateMapsThem() {
        String scalars = "events-training_stats_scalar-" + company(0) + "-untemplated";
        Map<String, Object> text = Map.of("type", "text", "fields", Map.of("keyword", Map.of("type", "keyword")));
        es5.put(
                "/" + scalars,
                "{\"mappings\":{\"event\":{\"properties\":{\"metric\":" + json(text) + ",\"variant\":" + json(text)
                        + "}}}}");
        try {
            for (int i = 0; i < 3; i++) {
                es5.put(
                        "/" + scalars + "/event/e" + i + "?routing=t1&refresh=true",
                        "{\"task\":\"t1\",\"metric\":\"loss\",\"variant\":\"v" + i + "\",\"iter\":" + i
                                + ",\"value\":0.5}");
            }
            String aggregation = "{\"size\":0,\"aggs\":{\"metrics\":{\"terms\":{\"field\":\"metric\"}}}}";
            assertThat(es5.post("/" + scalars + "/_search", aggregation).has("error"))
                    .as("ClearML's aggregation on the source")
                    .isTrue();
            String inspect = Migrations.submit("{\"kind\":\"inspect\","
                    + Migrations.elastic(RunningSystem.ports().elastic5Url()) + "}");
            Migrations.awaitEnded(inspect, "SUCCEEDED");
            assertThat(Migrations.report(inspect)
                            .getList("elastic.indices.find { it.index == '" + scalars + "' }.textFields", String.class))
                    .as("what inspect says of it")
                    .containsExactly("metric", "variant");

            String id = Migrations.submit(
                    copyRequest(List.of(scalars), "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\""));

            Migrations.awaitEnded(id, "SUCCEEDED");
            JsonNode properties = es7.get("/" + scalars + "/_mapping").at("/" + scalars + "/mappings/properties");
            assertThat(properties.at("/metric/type").asText()).isEqualTo("keyword");
            assertThat(properties.at("/variant/type").asText()).isEqualTo("keyword");
            assertThat(Migrations.report(id)
                            .getList("indices.find { it.index == '" + scalars + "' }.mappingChanges", String.class))
                    .anySatisfy(note -> assertThat(note).contains("metric, variant are mapped as keyword"));
            assertThat(es7.post("/" + scalars + "/_search", aggregation)
                            .at("/aggregations/metrics/buckets/0/key")
                            .asText())
                    .isEqualTo("loss");
            assertThat(es7.documents(scalars)).isEqualTo(es5.documents(scalars));
        } finally {
            es5.delete("/" + scalars);
            es7.delete("/" + scalars);
        }
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A copy of one index whose target index comes up write-blocked (as an operator's {@code index.blocks.write} makes
     * it) PAUSED. The block stays on the index; the template that set it is gone.
     */
    private static String copyPausedOnAWriteBlock(String index) {
        es7.put(
                "/_template/zz-blocked",
                "{\"index_patterns\":[\"" + index + "\"],\"order\":100,\"settings\":{\"index.blocks.write\":true}}");
        try {
            String id = Migrations.submit(
                    copyRequest(List.of(index), "\"ifTargetExists\":\"overwrite\",\"afterCopy\":\"none\""));
            Migrations.awaitStatus(id, "PAUSED");
            return id;
        } finally {
            es7.delete("/_template/zz-blocked");
        }
    }

    private static Map<String, Map<String, JsonNode>> targetDocuments() {
        Map<String, Map<String, JsonNode>> all = new TreeMap<>();
        indices.forEach(index -> all.put(index, es7.documents(index)));
        return all;
    }

    private static String company(int i) {
        return COMPANIES.get(i).id();
    }

    private static List<EventDocument> own(List<EventDocument> documents) {
        return documents.stream()
                .filter(d -> COMPANIES.stream().anyMatch(c -> d.index().contains(c.id())))
                .toList();
    }

    private static String copyRequest(String options) {
        return copyRequest(Migrations.indexPatterns(COMPANIES), options);
    }

    private static String copyRequest(List<String> patterns, String options) {
        return Migrations.esCopy(
                RunningSystem.ports().elastic5Url(), RunningSystem.ports().elastic7Url(), patterns, options);
    }
}
