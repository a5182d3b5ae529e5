package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.ManagedProcess;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDocument;
import com.clearmlmigrator.synthetic.HeavyPlots;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;
import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

/**
 * Operator-sized runs on the real local servers: a copy task of more than a minute and a half, after which its worker
 * still takes new work; a relink of 20,000 tasks on the H2-backed MongoDB that {@code bin/dev-stack} runs, whose
 * worker is frozen mid-run; and a copy and a relink of plots that together weigh more than a worker's heap (256 MB in
 * the tests). The slow copy runs in the background while the relink of the H2-backed MongoDB runs.
 */
@OnSecondSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LongRunsIT {
    private static final String SLOW_INDEX = "events-log-longrun";
    private static final int SLOW_DOCUMENTS = 40;
    /** A slow source: each next scroll page comes after this long. */
    private static final Duration SLOW_PAGE = Duration.ofSeconds(14);

    private static final String HEAVY_COMPANY = "heavy";
    private static final String HEAVY_INDEX = "events-plot-" + HEAVY_COMPANY;
    private static final String HEAVY_FILES = "http://heavy-files.lan:8081";
    private static final String MOVED = "https://files.example.com/";
    private static final int HEAVY_PLOTS = 64;
    /** Together 288 MB: more than the worker's 256 MB heap, each past its 4 MB limit for handling alone. */
    private static final int HEAVY_PLOT_CHARACTERS = 4_500_000;

    private static final String SLOW_TARGET = "es7-longrun";

    private static ThrottlingProxy slowSource;
    private static String slowTargetUrl;
    private static String slowCopy;

    @BeforeAll
    static void startACopyThatTakesMinutes() throws Exception {
        List<EventDocument> logs = new ArrayList<>();
        for (int i = 0; i < SLOW_DOCUMENTS; i++) {
            Map<String, Object> source = Map.of("task", "longrun", "type", "log", "iter", i, "msg", "line " + i);
            logs.add(new EventDocument(SLOW_INDEX, "event", "log-" + i, "longrun", source));
        }
        new ElasticSeeder(RunningSystem.ports().elastic5Url()).seed(ElasticEra.ES5, logs);
        slowSource = new ThrottlingProxy(RunningSystem.ports().elastic5Url(), 0, SLOW_PAGE);
        // A cluster of its own: a migration writing to the stack's ES 7 (the heavy plots) runs meanwhile, and one
        // writer per cluster is the planner's rule.
        int port = ServiceFaults.freePort();
        RunningSystem.stack().startAnotherElastic7(SLOW_TARGET, port, ServiceFaults.freePort());
        slowTargetUrl = "http://127.0.0.1:" + port;
        // 40 documents at 1 a second, read in pages of 5 (five seconds of the rate), from a source that answers each of
        // the seven next pages after 14 s: the pacing overlaps the waits, so the one task takes some 100 s, while the
        // other tests run.
        slowCopy = Migrations.submit(Migrations.esCopy(
                slowSource.url(), slowTargetUrl, List.of(SLOW_INDEX), "\"maxDocsPerSecond\":1,\"afterCopy\":\"none\""));
    }

    @AfterAll
    static void removeWhatTheseTestsAdded() {
        slowSource.close();
        RunningSystem.stack().stop(SLOW_TARGET);
        new ElasticHttp(RunningSystem.ports().elastic5Url()).delete("/" + SLOW_INDEX + "," + HEAVY_INDEX);
        new ElasticHttp(RunningSystem.ports().elastic7Url()).delete("/" + HEAVY_INDEX);
    }

    @Test
    @Order(1)
    void aRelinkOf20000TasksOnTheH2BackedMongoWhoseWorkerIsFrozenIsReportedStalledAndEndsExact() {
        int port = ServiceFaults.freePort();
        RunningSystem.stack().startAnotherMongo("mongo-h2", port, true);
        String uri = "mongodb://127.0.0.1:" + port;
        String submitted = null;
        try {
            ClearmlWorld world = ClearmlWorld.generate(DatasetSpec.of(21, 1, 20_000));
            // The tasks only: 400 parts of 50 in these tests, the relink's own chunks (2,000 by default).
            new MongoSeeder(uri)
                    .seed(
                            "backend",
                            Map.of("task", new MongoDataset(world).collections().get("task")));
            var before = StoreSnapshot.mongo(uri, "backend");
            String id = Migrations.submit("{" + ExpectedRelink.RELINK + "," + Migrations.mongo(uri) + "}");
            submitted = id;

            await().atMost(Duration.ofMinutes(2))
                    .until(() -> given().get("/migrations/" + id).jsonPath().getInt("tasks.succeeded") >= 20);
            ManagedProcess worker = RunningSystem.stack().process(LocalStack.MONGO_WORKER);
            ServiceFaults.freeze(worker);
            JsonPath stalled;
            try {
                // The planner calls a task stalled after 12 s of silence in these tests (3 min by default). Tasks the
                // worker had started and named in a heartbeat show as stalled; the ones it took from Kafka after its
                // last heartbeat, and those still waiting there, are told of by the notice that no mongo-worker is
                // heard from. Which of the two a frozen worker leaves depends on the moment it froze; the notice
                // always comes, since hundreds of tasks wait.
                stalled = await().atMost(Duration.ofSeconds(45))
                        .pollInterval(Duration.ofMillis(500))
                        .until(
                                () -> given().get("/migrations/" + id).jsonPath(),
                                view -> view.getString("notice") != null
                                        && !view.getList("running.stalled", Boolean.class)
                                                .contains(false));
            } finally {
                ServiceFaults.thaw(worker);
            }
            assertThat(stalled.getString("status")).isEqualTo("RUNNING");
            assertThat(stalled.getString("notice")).startsWith("No mongo-worker has sent a heartbeat in the last 12 s");
            assertThat(stalled.getList("running.worker", String.class))
                    .allSatisfy(name -> assertThat(name).startsWith("mongo-worker@"));

            JsonPath ended = awaitFinal(id, Duration.ofMinutes(5));
            Migrations.assertRelinkSucceededWhole(id, ended);
            assertThat(ended.getInt("tasks.total")).isGreaterThanOrEqualTo(400);
            var after = StoreSnapshot.mongo(uri, "backend");
            assertThat(after.get("task")).hasSize(20_000);
            before.forEach((collection, documents) -> documents.forEach((docId, doc) -> assertThat(
                            ExpectedRelink.deepCopy(after.get(collection).get(docId)))
                    .as(collection + "/" + docId)
                    .isEqualTo(ExpectedRelink.mongo(collection, doc))));
        } finally {
            Migrations.cancelUnlessEnded(submitted);
            RunningSystem.stack().stop("mongo-h2");
        }
    }

    @Test
    @Order(2)
    void plotsHeavierTogetherThanTheWorkersHeapAreCopiedAndRelinkedExactly() {
        ElasticHttp es5 = new ElasticHttp(RunningSystem.ports().elastic5Url());
        ElasticHttp es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        new ElasticSeeder(RunningSystem.ports().elastic5Url())
                .add(
                        ElasticEra.ES5,
                        HeavyPlots.documents(
                                ElasticEra.ES5, HEAVY_COMPANY, HEAVY_PLOTS, HEAVY_PLOT_CHARACTERS, HEAVY_FILES));

        String copy = Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic5Url(),
                RunningSystem.ports().elastic7Url(),
                List.of(HEAVY_INDEX),
                "\"afterCopy\":\"none\""));

        JsonPath copied = awaitFinal(copy, Duration.ofMinutes(4));
        assertThat(copied.getString("status")).as(copied.prettify()).isEqualTo("SUCCEEDED");
        assertThat(Migrations.report(copy).getList("indices.checksumMatch", Boolean.class))
                .containsOnly(true);
        assertThat(es7.documents(HEAVY_INDEX, 5)).isEqualTo(es5.documents(HEAVY_INDEX, 5));

        // On ES 7 the same plots as ClearML stores them there: compressed, 288 MB once opened.
        es7.delete("/" + HEAVY_INDEX);
        new ElasticSeeder(RunningSystem.ports().elastic7Url())
                .add(
                        ElasticEra.ES7,
                        HeavyPlots.documents(
                                ElasticEra.ES7, HEAVY_COMPANY, HEAVY_PLOTS, HEAVY_PLOT_CHARACTERS, HEAVY_FILES));
        Map<String, JsonNode> before = es7.documents(HEAVY_INDEX, 5);
        String relink = Migrations.submit("{\"kind\":\"relink\",\"from\":\"" + HEAVY_FILES + "/\",\"to\":\"" + MOVED
                + "\"," + Migrations.elastic(RunningSystem.ports().elastic7Url()) + "}");

        JsonPath relinked = awaitFinal(relink, Duration.ofMinutes(4));
        assertThat(relinked.getString("status")).as(relinked.prettify()).isEqualTo("SUCCEEDED");
        Map<String, JsonNode> after = es7.documents(HEAVY_INDEX, 5);
        assertThat(after.keySet()).isEqualTo(before.keySet()).hasSize(HEAVY_PLOTS);
        before.forEach((docId, doc) -> {
            JsonNode was = doc.path("_source");
            JsonNode now = after.get(docId).path("_source");
            String expected =
                    ExpectedRelink.inflate(was.path("plot_data").asText()).replace(HEAVY_FILES + "/", MOVED);
            String plot = ExpectedRelink.inflate(now.path("plot_data").asText());
            assertThat(plot).as(docId).isEqualTo(expected).doesNotContain(HEAVY_FILES);
            assertThat(now.path("plot_len").asInt()).as(docId).isEqualTo(plot.length());
            assertThat(now.path("source_urls").toString())
                    .as(docId)
                    .contains(MOVED)
                    .doesNotContain(HEAVY_FILES);
        });
    }

    @Test
    @Order(3)
    void aCopyTaskOfMoreThanAMinuteAndAHalfSucceedsAndItsWorkerTakesTheNextMigration() throws IOException {
        JsonPath ended = awaitFinal(slowCopy, Duration.ofMinutes(4));
        assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("SUCCEEDED");
        JsonPath report = Migrations.report(slowCopy);
        assertThat(report.getLong("indices[0].tookMillis"))
                .as("the copy ran as one task for more than the 60 s that used to kill the worker's consumer")
                .isGreaterThanOrEqualTo(90_000);
        assertThat(new ElasticHttp(slowTargetUrl).documents(SLOW_INDEX)).hasSize(SLOW_DOCUMENTS);
        assertThat(blockedThreadWarnings(RunningSystem.stack().process(LocalStack.ELASTIC_WORKER)))
                .as("a task of minutes is work, not a thread stuck: the worker's log must not cry wolf every 2 s")
                .isEmpty();

        String inspect = Migrations.submit("{\"kind\":\"inspect\","
                + Migrations.elastic(RunningSystem.ports().elastic7Url()) + "}");
        assertThat(Migrations.awaitFinal(inspect).getString("status")).isEqualTo("SUCCEEDED");
    }

    /** Vert.x's warnings that a thread of the task pool has run longer than it expects of a thread, each with a stack trace. */
    private static List<String> blockedThreadWarnings(ManagedProcess service) throws IOException {
        try (Stream<String> lines = Files.lines(service.log())) {
            return lines.filter(line -> line.contains("BlockedThreadChecker") && line.contains("Thread[tasks-"))
                    .toList();
        }
    }

    private static JsonPath awaitFinal(String id, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> List.of("SUCCEEDED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED")
                        .contains(given().get("/migrations/" + id).jsonPath().getString("status")));
        return given().get("/migrations/" + id).jsonPath();
    }
}
