package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.ExpectedRelink.NEW;
import static com.clearmlmigrator.e2e.ExpectedRelink.OLD;
import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;

import io.restassured.path.json.JsonPath;

/**
 * A relink of Elasticsearch 7 whose cluster goes away mid-run, on the real local servers: once for a few seconds, which
 * the elastic-worker's retries ride out, and once for longer than every retry, which fails the tasks it meets until a
 * {@code POST /retry} finishes the migration. Each run must end with every event exactly as a relink without the outage
 * leaves it (nothing lost, nothing changed that was not to change), and its undo must give back the cluster as it was
 * (each value journaled once, as it was before the relink). A disk past its flood-stage watermark pauses the relink until the
 * block is lifted; a cancel mid-run leaves a report of what was changed, which the undo restores.
 */
@OnRunningSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelinkElasticFaultsIT {
    /** About a third of what the relink reads: the outage meets it with slices done and slices to go. */
    private static final long BYTES_BEFORE_OUTAGE = 300_000;

    /** A company of its own with 300 tasks, so the relink has many slices to be interrupted in. */
    @RegisterExtension
    static final OwnCompanies own = OwnCompanies.onStack(ElasticEra.ES7, DatasetSpec.of(17, 2, 300));

    private static Map<String, Map<String, Map<String, Object>>> before;

    @BeforeEach
    void snapshotTheCluster() {
        before = StoreSnapshot.elastic(RunningSystem.ports().elastic7Url());
    }

    @Test
    @Order(1)
    void theClusterGoingAwayMidRunAndComingBackLosesNothingAndRewritesNothingTwice() throws Exception {
        try (TcpFaultProxy proxy = new TcpFaultProxy(
                RunningSystem.ports().elastic7(), BYTES_BEFORE_OUTAGE, 0, p -> p.takeAwayFor(Duration.ofSeconds(3)))) {
            String id = Migrations.submit(relinkThrough(proxy));
            JsonPath migration = Migrations.awaitFinal(id);

            assertThat(proxy.faulted())
                    .as("the cluster was taken away mid-run (%d bytes read in all)", proxy.bytesServed())
                    .isTrue();
            assertRelinkedWhole(id, migration);
            assertUndoRestoresTheCluster(id);
        }
    }

    @Test
    @Order(2)
    void anOutageLongerThanTheRetriesFailsTasksWithTheirReasonAndRetryFinishesTheJob() throws Exception {
        // A cluster that refuses connections fails each attempt at once; the pauses of 1, 2 and 2 s between the four
        // attempts (the tests' worker.retry settings) end within 5 s, well inside the outage.
        try (TcpFaultProxy proxy = new TcpFaultProxy(
                RunningSystem.ports().elastic7(), BYTES_BEFORE_OUTAGE, 0, p -> p.takeAwayFor(Duration.ofSeconds(15)))) {
            String id = Migrations.submit(relinkThrough(proxy));

            // The operator hears of the outage at the first attempt that meets it, not when the tasks give up.
            String notice = await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> given().get("/migrations/" + id).jsonPath(),
                            view -> Migrations.FINAL.contains(view.getString("status"))
                                    || String.valueOf(view.getString("notice")).contains("does not answer"))
                    .getString("notice");
            assertThat(notice)
                    .as("the notice while the cluster is away")
                    .contains("for a store that does not answer", "is unreachable", "/retry");

            assertRelinkedWhole(id, Migrations.retryAfterOutage(id, proxy));
            assertUndoRestoresTheCluster(id);
        }
    }

    /**
     * A disk past its flood-stage watermark: Elasticsearch 7 puts {@code read_only_allow_delete} on the indices of the
     * node and answers their writes 429, as it answers throttling. The relink pauses and names the block, rather than
     * sending the bulk again for a minute and failing with advice about heap; once the block is lifted, retry finishes
     * it.
     */
    @Test
    @Order(3)
    void aFloodStageBlockPausesTheRelinkAndRetryFinishesItOnceTheBlockIsLifted() {
        ElasticHttp es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        String debugImages = own.index("events-training_debug_image-");
        es7.put("/" + debugImages + "/_settings", "{\"index.blocks.read_only_allow_delete\":true}");
        String id;
        try {
            id = Migrations.submit("{\"kind\":\"relink\",\"from\":\"" + OLD + "\",\"to\":\"" + NEW + "\","
                    + Migrations.elastic(RunningSystem.ports().elastic7Url()) + "}");
            JsonPath paused = Migrations.awaitStatus(id, "PAUSED");
            assertThat(paused.getString("error"))
                    .contains(debugImages)
                    .contains("flood-stage watermark")
                    .contains("retry");
        } finally {
            es7.put("/" + debugImages + "/_settings", "{\"index.blocks.read_only_allow_delete\":null}");
        }

        given().post("/migrations/" + id + "/retry").then().statusCode(202);

        assertRelinkedWhole(id, Migrations.awaitFinal(id));
        assertUndoRestoresTheCluster(id);
    }

    /**
     * A relink cancelled while its slices run, each with a bulk in flight: they stop between two pages, and the report
     * counts what they changed until then, that bulk included, which is exactly what the undo restores.
     */
    @Test
    @Order(4)
    void aRelinkCancelledMidRunReportsWhatItChangedAndItsUndoRestoresTheCluster() throws Exception {
        // Answers paced to 20 kB/s per connection: a slice reads its page for seconds, so the cancel meets the first
        // slices under way; they stop at the count after the page, its bulk sent.
        try (TcpFaultProxy proxy =
                new TcpFaultProxy(RunningSystem.ports().elastic7(), Long.MAX_VALUE, 20_000, p -> {})) {
            String id = Migrations.submit(relinkThrough(proxy));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> given().get("/migrations/" + id).path("running.size()"), n -> (int) n > 0);

            given().post("/migrations/" + id + "/cancel").then().statusCode(200);

            await().atMost(Duration.ofMinutes(1))
                    .until(() -> given().get("/migrations/" + id).path("tasks.pending"), n -> (int) n == 0);
            int changed = Migrations.changedValues(id);
            assertThat(changed).as("values changed before the cancel").isPositive();
            String undo = Migrations.undoAndAwait(id);
            assertThat(StoreSnapshot.elastic(RunningSystem.ports().elastic7Url()))
                    .isEqualTo(before);
            assertThat(changed)
                    .as("what the cancelled relink reports it changed, parts stopped part-way included, is what its"
                            + " undo restored")
                    .isEqualTo(Migrations.changedValues(undo));
        }
    }

    private static String relinkThrough(TcpFaultProxy proxy) {
        return "{\"kind\":\"relink\",\"from\":\"" + OLD + "\",\"to\":\"" + NEW + "\","
                + Migrations.elastic("http://127.0.0.1:" + proxy.port()) + "}";
    }

    private static void assertRelinkedWhole(String id, JsonPath migration) {
        Migrations.assertRelinkSucceededWhole(id, migration);
        RelinkAssertions.assertElasticAsExpected(RunningSystem.ports().elastic7Url(), before);
    }

    /** The undo runs through the same proxy, now without faults, and must give back every event as it was. */
    private static void assertUndoRestoresTheCluster(String id) {
        Migrations.undoAndAwait(id);
        assertThat(StoreSnapshot.elastic(RunningSystem.ports().elastic7Url())).isEqualTo(before);
    }
}
