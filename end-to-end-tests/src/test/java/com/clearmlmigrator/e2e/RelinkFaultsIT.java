package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.ExpectedRelink.NEW;
import static com.clearmlmigrator.e2e.ExpectedRelink.OLD;
import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.ManagedProcess;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;

import io.restassured.path.json.JsonPath;

/**
 * A relink of a 600-task MongoDB database that meets a fault mid-run, on the real local servers: the database going
 * away and coming back, a mongo-worker killed ({@code kill -9}) or stopped (SIGTERM) with a second one running, the
 * planner killed or stopped and started again, the Kafka broker restarted, and the relink cancelled. Each run must end
 * with every document exactly as a relink without the fault leaves it, compared one by one with the test's own oracle:
 * nothing lost, nothing changed that was not to change, and an undo that finds in the journal each value as it was.
 */
@OnRunningSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelinkFaultsIT {
    /** A database of its own, larger than the shared world, so the relink has many parts to be interrupted in. */
    private static final String DATABASE = "backend_faults";

    private static final ClearmlWorld WORLD = ClearmlWorld.generate(DatasetSpec.of(13, 1, 600));

    private static Map<String, Map<String, Map<String, Object>>> before;

    @BeforeEach
    void seedTheDatabase() {
        new MongoSeeder(RunningSystem.ports().mongoUri()).seed(DATABASE, new MongoDataset(WORLD).collections());
        before = StoreSnapshot.mongo(RunningSystem.ports().mongoUri(), DATABASE);
    }

    @AfterAll
    static void dropTheDatabase() {
        RunningSystem.dropDatabase(DATABASE);
    }

    @Test
    @Order(1)
    void theDatabaseGoingAwayMidRunAndComingBackLosesNothingAndRewritesNothingTwice() throws Exception {
        try (TcpFaultProxy proxy = new TcpFaultProxy(
                RunningSystem.ports().mongo(), 400_000, 0, p -> p.takeAwayFor(Duration.ofSeconds(3)))) {
            String id = Migrations.submit(relinkThrough(proxy));
            JsonPath migration = Migrations.awaitFinal(id);

            assertThat(proxy.faulted())
                    .as("the database was taken away mid-run")
                    .isTrue();
            assertRelinkedWhole(id, migration);
        }
    }

    @Test
    @Order(2)
    void aWorkerKilledMidRunLosesNothingAndRewritesNothingTwice() throws Exception {
        ManagedProcess firstWorker = RunningSystem.stack().process(LocalStack.MONGO_WORKER);
        ServiceFaults.startSecondCopy(LocalStack.MONGO_WORKER, "mongo-worker-2");

        relinkMeetingMidRun("the worker was killed", Duration.ofMinutes(1), p -> ServiceFaults.kill(firstWorker));
    }

    /**
     * {@code docker stop} or a rolling restart of a worker mid-run: the tasks it had fetched but not started are refused
     * by its stopping task pool, and must go to the worker left instead of being lost (they once went to the
     * dead-letter topic, committed, and the migration waited for them for ever).
     */
    @Test
    @Order(3)
    void aWorkerStoppedMidRunLeavesItsWaitingTasksToTheOtherWorker() throws Exception {
        ServiceFaults.startSecondCopy(LocalStack.MONGO_WORKER, "mongo-worker-stopped");

        relinkMeetingMidRun(
                "a worker was stopped", Duration.ofMinutes(1), p -> ServiceFaults.stop("mongo-worker-stopped"));
    }

    @Test
    @Order(4)
    void aPlannerKilledAndStartedAgainMidRunLosesNothingAndCountsNothingTwice() throws Exception {
        relinkMeetingMidRun("the planner was restarted", Duration.ofMinutes(2), p -> ServiceFaults.restartPlanner());
    }

    /** The planner stopped (SIGTERM) mid-run: results it had fetched but not folded in wait in Kafka for its start. */
    @Test
    @Order(5)
    void aPlannerStoppedAndStartedAgainMidRunLosesNothingAndCountsNothingTwice() throws Exception {
        relinkMeetingMidRun(
                "the planner was stopped and started again",
                Duration.ofMinutes(2),
                p -> ServiceFaults.stopAndStartPlanner());
    }

    /**
     * A relink whose MongoDB answers are paced to 50 kB/s per connection, so that it lasts seconds, and which meets the
     * fault after 300 kB: it must still end with every value rewritten once.
     */
    private void relinkMeetingMidRun(String fault, Duration within, Consumer<TcpFaultProxy> action) throws Exception {
        try (TcpFaultProxy proxy = new TcpFaultProxy(RunningSystem.ports().mongo(), 300_000, 50_000, action)) {
            String id = Migrations.submit(relinkThrough(proxy));
            assertThat(proxy.awaitFault(within)).as(fault + " mid-run").isTrue();

            assertRelinkedWhole(id, Migrations.awaitFinal(id));
        }
    }

    @Test
    @Order(6)
    void aKafkaBrokerRestartMidRunLosesNothingAndRewritesNothingTwice() throws Exception {
        try (TcpFaultProxy proxy =
                new TcpFaultProxy(RunningSystem.ports().mongo(), 300_000, 50_000, p -> ServiceFaults.restartBroker())) {
            String id = Migrations.submit(relinkThrough(proxy));
            List<String> notices = new ArrayList<>();
            List<String> stalled = new ArrayList<>();
            JsonPath ended = Migrations.awaitFinalSeeing(id, view -> {
                Optional.ofNullable(view.getString("notice")).ifPresent(notices::add);
                stalled.addAll(view.getList("running.findAll { it.stalled }.task", String.class));
            });
            assertThat(proxy.awaitFault(Duration.ofMinutes(1)))
                    .as("the broker was restarted")
                    .isTrue();

            assertRelinkedWhole(id, ended);
            // The planner did not hear Kafka while the broker was away: it said so, and blamed no worker for the
            // silence (with a stall timeout of 12 s, a restart that takes longer on a busy machine did, once).
            assertThat(stalled).as("tasks called stalled").isEmpty();
            assertThat(notices)
                    .anySatisfy(notice -> assertThat(notice).startsWith("The planner has not heard from Kafka"));
        }
    }

    @Test
    @Order(7)
    void anOutageLongerThanTheRetriesFailsTasksWithTheirReasonAndRetryFinishesTheJob() throws Exception {
        // Attempts of 3 s each and pauses of 1, 2 and 2 s (the tests' worker.retry settings): every task met by the
        // outage gives up within 11 s, after its third attempt (its retries then took as long as the pauses).
        try (TcpFaultProxy proxy = new TcpFaultProxy(
                RunningSystem.ports().mongo(), 400_000, 0, p -> p.takeAwayFor(Duration.ofSeconds(25)))) {
            String id = Migrations.submit(relinkThrough(proxy));
            assertRelinkedWhole(id, Migrations.retryAfterOutage(id, proxy));
        }
    }

    @Test
    @Order(8)
    void aRelinkCancelledMidRunStopsAtAPartBoundaryAndItsUndoRestoresEveryDocument() throws Exception {
        // Answers paced to 50 kB/s per connection: the run lasts long enough to be cancelled with parts still to go.
        try (TcpFaultProxy proxy = new TcpFaultProxy(RunningSystem.ports().mongo(), Long.MAX_VALUE, 50_000, p -> {})) {
            String id = Migrations.submit(relinkThrough(proxy));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> given().get("/migrations/" + id).path("tasks.succeeded"), n -> (int) n >= 2);

            given().post("/migrations/" + id + "/cancel").then().statusCode(200);

            // Parts under way finish; the workers answer the others as skipped.
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> given().get("/migrations/" + id).path("tasks.pending"), n -> (int) n == 0);
            JsonPath cancelled = given().get("/migrations/" + id).jsonPath();
            assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
            assertThat(cancelled.getInt("tasks.skipped"))
                    .as("parts never started")
                    .isPositive();
            RewriteCount count = countWholeRewrites();
            assertThat(count.rewritten())
                    .as("documents rewritten before the cancel")
                    .isPositive();
            assertThat(count.spared()).as("documents the cancel spared").isPositive();
            int changed = Migrations.changedValues(id);
            assertThat(changed).as("the report counts what was changed").isPositive();

            String undo = Migrations.undoAndAwait(id);
            assertThat(StoreSnapshot.mongo(RunningSystem.ports().mongoUri(), DATABASE))
                    .isEqualTo(before);
            assertThat(changed)
                    .as("what the cancelled relink reports it changed, parts stopped part-way included, is what its"
                            + " undo restored")
                    .isEqualTo(Migrations.changedValues(undo));
        }
    }

    /** Of the documents a relink changes, those it rewrote and those it left as they were. */
    private record RewriteCount(int rewritten, int spared) {}

    /** Checks that every document is either untouched or relinked whole, and counts each kind. */
    private static RewriteCount countWholeRewrites() {
        var after = StoreSnapshot.mongo(RunningSystem.ports().mongoUri(), DATABASE);
        int rewritten = 0;
        int spared = 0;
        for (var collection : before.entrySet()) {
            for (var original : collection.getValue().entrySet()) {
                Map<String, Object> now =
                        ExpectedRelink.deepCopy(after.get(collection.getKey()).get(original.getKey()));
                Map<String, Object> untouched = ExpectedRelink.deepCopy(original.getValue());
                Map<String, Object> relinked = ExpectedRelink.mongo(collection.getKey(), original.getValue());
                assertThat(now)
                        .as("%s/%s is either untouched or relinked whole", collection.getKey(), original.getKey())
                        .isIn(untouched, relinked);
                if (!relinked.equals(untouched)) {
                    rewritten += now.equals(relinked) ? 1 : 0;
                    spared += now.equals(relinked) ? 0 : 1;
                }
            }
        }
        return new RewriteCount(rewritten, spared);
    }

    private static String relinkThrough(TcpFaultProxy proxy) {
        return "{\"kind\":\"relink\",\"from\":\"" + OLD + "\",\"to\":\"" + NEW
                + "\",\"mongo\":{\"uri\":\"mongodb://127.0.0.1:" + proxy.port() + "\",\"database\":\"" + DATABASE
                + "\"}}";
    }

    private static void assertRelinkedWhole(String id, JsonPath migration) {
        Migrations.assertRelinkSucceededWhole(id, migration);
        var after = StoreSnapshot.mongo(RunningSystem.ports().mongoUri(), DATABASE);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((collection, documents) -> {
            assertThat(after.get(collection).keySet()).as(collection).isEqualTo(documents.keySet());
            documents.forEach((docId, doc) -> assertThat(
                            ExpectedRelink.deepCopy(after.get(collection).get(docId)))
                    .as(collection + "/" + docId)
                    .isEqualTo(ExpectedRelink.mongo(collection, doc)));
        });
    }
}
