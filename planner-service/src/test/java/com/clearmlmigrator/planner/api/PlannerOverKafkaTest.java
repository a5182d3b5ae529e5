package com.clearmlmigrator.planner.api;

import static com.clearmlmigrator.planner.support.MongoWorkerStandIn.COLLECTIONS;
import static com.clearmlmigrator.planner.support.MongoWorkerStandIn.inspected;
import static com.clearmlmigrator.planner.support.MongoWorkerStandIn.seedClearmlCollections;
import static com.clearmlmigrator.planner.support.MongoWorkerStandIn.submitInspect;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationProgress;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.lifecycle.MigrationResumption;
import com.clearmlmigrator.planner.messaging.TaskResultConsumer;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.support.MongoWorkerStandIn;
import com.clearmlmigrator.planner.support.PlannerInfrastructure;
import com.clearmlmigrator.testsupport.PlannerRequests;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The planner against a real broker, with this test standing in for the mongo-worker: tasks arrive keyed and in plan
 * order, every result is delivered twice (as at-least-once delivery may), and the migration still counts each task
 * once, keeps the first result, and publishes its final progress.
 */
@QuarkusTest
@WithTestResource(PlannerInfrastructure.class)
class PlannerOverKafkaTest {

    @Inject
    MongoWorkerStandIn worker;

    @Inject
    MigrationStore store;

    @Inject
    MigrationResumption resumption;

    @Test
    void aggregatesDuplicatedResultsIntoOneCountPerTaskAndKeepsTheFirst() throws Exception {
        String id = submitInspect();

        List<MigrationTask> tasks = worker.receiveTasks(id, COLLECTIONS.size());
        assertThat(tasks).extracting(t -> t.id().ordinal()).containsExactly(0, 1, 2, 3, 4);
        assertThat(tasks).extracting(MigrationTask::target).containsExactlyElementsOf(COLLECTIONS);
        // Its view counts what each collection held when planned: the documents the inspection will count.
        given().get("/migrations/" + id)
                .then()
                .body(
                        "progress.documentsPlanned",
                        equalTo(COLLECTIONS.stream()
                                .map(c -> (int) documentsIn(c))
                                .toList()));
        answerEveryTaskTwice(tasks);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + id)
                        .then()
                        .body("status", equalTo("COMPLETED_WITH_ERRORS"))
                        .body("tasks.total", equalTo(5))
                        .body("tasks.succeeded", equalTo(4))
                        .body("tasks.failed", equalTo(1))
                        .body("tasks.pending", equalTo(0))
                        // Ended, the view still says where each collection ended: watch prints it in its last line.
                        .body("progress.target", equalTo(COLLECTIONS))
                        .body("progress.documents.sum()", equalTo(4 * 7))
                        .body("progress.partsFailed.sum()", equalTo(1)));
        given().get("/migrations/" + id + "/report")
                .then()
                .body("mongo.documents", equalTo(4 * 7))
                .body("mongo.collections.size()", equalTo(4))
                .body("failures[0].target", equalTo("url_to_delete"))
                .body("failures[0].reason", equalTo("TARGET_REJECTED"));
        assertThat(lastProgress(id).status()).isEqualTo(MigrationStatus.COMPLETED_WITH_ERRORS);
        // The workers are told: every task sent so far, delivered again now, would be left alone.
        MigrationClosed firstEnd = closure(id, MigrationStatus.COMPLETED_WITH_ERRORS);
        assertThat(tasks).allSatisfy(task -> assertThat(firstEnd.stops(task)).isTrue());

        given().post("/migrations/" + id + "/retry").then().statusCode(202).body("status", equalTo("RUNNING"));
        List<MigrationTask> delivered = worker.receiveTasks(id, COLLECTIONS.size() + 1);
        assertThat(delivered)
                .filteredOn(t -> t.target().equals("url_to_delete"))
                .hasSize(2);
        MigrationTask again = delivered.stream()
                .filter(t -> t.target().equals("url_to_delete"))
                .max(Comparator.comparing(MigrationTask::sentAt))
                .orElseThrow();
        // The retry's own copy was sent after the end: the workers perform it.
        assertThat(firstEnd.stops(again)).isFalse();
        worker.answer(inspected(again));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + id)
                        .then()
                        .body("status", equalTo("SUCCEEDED"))
                        .body("tasks.succeeded", equalTo(5))
                        .body("tasks.failed", equalTo(0))
                        .body("progress.documents.sum()", equalTo(5 * 7)));
        assertThat(closure(id, MigrationStatus.SUCCEEDED).stops(again)).isTrue();
        given().post("/migrations/" + id + "/retry").then().statusCode(409);
    }

    /** The planner's latest announcement on the closed-migrations topic that the migration ended in this status. */
    private MigrationClosed closure(String migrationId, MigrationStatus status) throws Exception {
        return worker
                .readUntil(
                        Topics.CLOSED_MIGRATIONS,
                        migrationId,
                        MigrationClosed.class,
                        announced -> announced.stream().anyMatch(closed -> closed.status() == status))
                .stream()
                .filter(closed -> closed.status() == status)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    /**
     * A planner stopped after recording a result and before judging its migration leaves the result's offset
     * uncommitted: the result comes again, or the planner starts again, and either must end the migration.
     */
    @Test
    void aLastResultRecordedJustBeforeAStopEndsItsMigrationWhenItComesAgainOrWhenThePlannerResumes() throws Exception {
        String redelivered = submitInspect();
        TaskResult last = answerAllButRecordTheLastOneOnly(redelivered);
        worker.answer(last);
        awaitStatus(redelivered, "SUCCEEDED");

        String resumed = submitInspect();
        answerAllButRecordTheLastOneOnly(resumed);
        resumption.resumeAll();
        awaitStatus(resumed, "SUCCEEDED");
    }

    /**
     * A planner stopped after recording a cancel and before skipping the migration's unsent tasks (or while that skipping
     * waited behind a sending the broker held) leaves them pending on an ended migration; its next start skips them, and
     * only them: the tasks the workers have are theirs to answer.
     */
    @Test
    void theUnsentTasksOfAMigrationCancelledJustBeforeAStopAreSkippedWhenThePlannerResumes() throws Exception {
        String id = submitInspect();
        List<MigrationTask> tasks = worker.receiveTasks(id, COLLECTIONS.size());
        Migration running = store.find(id).orElseThrow();
        assertThat(store.saveIf(MigrationStatus.RUNNING, running.withStatus(MigrationStatus.CANCELLED, Instant.now())))
                .isTrue();
        store.resetResults(tasks.subList(0, 3).stream().map(MigrationTask::id).toList());
        given().get("/migrations/" + id).then().body("tasks.pending", equalTo(5));

        resumption.resumeAll();

        given().get("/migrations/" + id)
                .then()
                .body("status", equalTo("CANCELLED"))
                .body("tasks.skipped", equalTo(3))
                .body("tasks.pending", equalTo(2));
    }

    /**
     * A retried task's answer is its new handling's. The failure of the handling the retry set aside, sent again by its
     * worker after a broker outage and read after the retry, is not recorded over it: in MigratorOutagesIT it was, and
     * the retried copy stayed PAUSED although its task had succeeded (the success was dropped as a duplicate).
     */
    @Test
    void aResultOfAHandlingARetrySetAsideDoesNotAnswerTheRetriedTask() throws Exception {
        String id = submitInspect();
        MigrationTask task = worker.receiveTasks(id, COLLECTIONS.size()).get(0);
        TaskResult failed = TaskResult.failed(task.id(), FailureReason.TARGET_UNAVAILABLE, "MongoDB is away.")
                .withStartedAt(Instant.parse("2026-12-05T18:36:20Z"));
        assertThat(store.recordResult(failed)).isTrue();

        store.resetResults(List.of(task.id()));

        assertThat(store.recordResult(failed))
                .as("the set-aside handling's failure, sent again")
                .isFalse();
        assertThat(store.recordResult(inspected(task).withStartedAt(Instant.parse("2026-12-05T18:37:07Z"))))
                .as("the retried handling's success")
                .isTrue();
    }

    /**
     * A retried relink part that its store, still away, refused at once answers without a report: what the handling
     * before the retry had changed stays in the migration's report (the undo restores it), not left out until a later
     * retry reads the part again. A retried handling that read further answers for itself. The store does not look at
     * a task's kind: an inspection's task stands in for a relink part.
     */
    @Test
    void aRetriedTaskThatFailsHavingReadLessKeepsWhatItsEarlierHandlingChanged() throws Exception {
        String id = submitInspect();
        MigrationTask task = worker.receiveTasks(id, COLLECTIONS.size()).get(0);
        TaskResult away = TaskResult.failed(task.id(), FailureReason.TARGET_UNAVAILABLE, "MongoDB is away.");
        RelinkReport changed90 = relinkThatRead(task, 150, 90);
        assertThat(store.recordResult(away.withReport(changed90))).isTrue();

        store.resetResults(List.of(task.id()));
        assertThat(store.recordResult(away)).isTrue();
        assertThat(reportOf(task)).as("a retry refused at once").isEqualTo(changed90);

        store.resetResults(List.of(task.id()));
        RelinkReport changed130 = relinkThatRead(task, 200, 130);
        assertThat(store.recordResult(away.withReport(changed130))).isTrue();
        assertThat(reportOf(task))
                .as("a retry that read further before it failed")
                .isEqualTo(changed130);

        store.resetResults(List.of(task.id()));
        RelinkReport whole = relinkThatRead(task, 300, 130);
        assertThat(store.recordResult(TaskResult.succeeded(task.id(), whole))).isTrue();
        assertThat(reportOf(task)).as("a retry that succeeded").isEqualTo(whole);
    }

    private static RelinkReport relinkThatRead(MigrationTask task, long scanned, long changed) {
        return new RelinkReport(
                task.target(),
                false,
                List.of(new FieldTally("execution.artifacts.uri", scanned, changed, changed, 0, 0, 0, 0)),
                List.of(),
                List.of());
    }

    private TaskReport reportOf(MigrationTask task) {
        return store.taskStates(task.id().migrationId()).stream()
                .filter(state -> state.id().equals(task.id()))
                .findFirst()
                .orElseThrow()
                .result()
                .report();
    }

    /** A result that arrives while the planner's MongoDB is down waits in Kafka, and is folded in once it is back. */
    @Test
    void aResultThatArrivesWhileThePlannersStoreIsDownIsFoldedInOnceItIsBack() throws Exception {
        String id = submitInspect();
        List<MigrationTask> tasks = worker.receiveTasks(id, COLLECTIONS.size());
        for (MigrationTask task : tasks.subList(0, tasks.size() - 1)) {
            worker.answer(inspected(task));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        given().get("/migrations/" + id).then().body("tasks.succeeded", equalTo(tasks.size() - 1)));

        MigrationTask last = tasks.get(tasks.size() - 1);
        try (ConsumerWarnings warnings = new ConsumerWarnings()) {
            PlannerInfrastructure.takeMongoAway();
            try {
                // A worker still at the last task says so: the planner cannot read it into the migration now.
                worker.heartbeat(
                        "mongo-worker@host-a/4712#x1y2",
                        new TaskProgress(last.id(), 3, 0, Instant.now(), Instant.now()));
                worker.answer(inspected(last));
                await("the result refused by the store twice")
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> warnings.about(last.id().toString()) >= 2);
                // Meanwhile the API says what is wrong, and to try again.
                given().get("/migrations/" + id)
                        .then()
                        .statusCode(503)
                        .header("Retry-After", "10")
                        .body("error", startsWith("The planner's database (MongoDB at 127.0.0.1:"));
            } finally {
                PlannerInfrastructure.bringMongoBack();
            }
        }
        awaitStatus(id, "SUCCEEDED");
        // Neither consumer stopped on the outage: the planner still hears heartbeats, and its own probes.
        given().get("/q/health/live").then().statusCode(200);
    }

    /** Counts the results consumer's warnings, which say each attempt to record a result that failed. */
    private static final class ConsumerWarnings extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(TaskResultConsumer.class.getName());
        private final List<String> messages = new CopyOnWriteArrayList<>();

        ConsumerWarnings() {
            logger.addHandler(this);
        }

        long about(String taskId) {
            return messages.stream().filter(m -> m.contains(taskId)).count();
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(((ExtLogRecord) record).getFormattedMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    /** Answers every task but the last over Kafka, and records the last one in the store only, as a stop would. */
    private TaskResult answerAllButRecordTheLastOneOnly(String migrationId) throws Exception {
        List<MigrationTask> tasks = worker.receiveTasks(migrationId, COLLECTIONS.size());
        for (MigrationTask task : tasks.subList(0, tasks.size() - 1)) {
            worker.answer(inspected(task));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + migrationId)
                        .then()
                        .body("tasks.succeeded", equalTo(tasks.size() - 1)));
        TaskResult last = inspected(tasks.get(tasks.size() - 1));
        assertThat(store.recordResult(last)).isTrue();
        given().get("/migrations/" + migrationId).then().body("status", equalTo("RUNNING"));
        return last;
    }

    private static void awaitStatus(String migrationId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + migrationId)
                        .then()
                        .body("status", equalTo(status))
                        .body("tasks.succeeded", equalTo(COLLECTIONS.size())));
    }

    @Test
    void aSecondWriterOnTheSameDatabaseIsRefusedUntilTheFirstIsCancelledAndItsSentPartsHaveAnswered() throws Exception {
        seedClearmlCollections();
        String relink = "{\"kind\":\"relink\",\"from\":\"http://a/\",\"to\":\"http://b/\",\"mongo\":{\"uri\":\""
                + PlannerInfrastructure.mongoUri() + "\",\"database\":\"backend\"}}";
        // No worker answers in this test, so the first relink stays RUNNING.
        String first = PlannerRequests.submit(relink);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + first).then().body("status", equalTo("RUNNING")));
        // Its view counts what each collection held when planned, the documents its parts will scan.
        given().get("/migrations/" + first)
                .then()
                .body("progress.find { it.target == 'task' }.documentsPlanned", equalTo((int) documentsIn("task")))
                .body("progress.find { it.target == 'task' }.documents", equalTo(0));

        given().contentType(ContentType.JSON)
                .body(relink)
                .post("/migrations")
                .then()
                .statusCode(409)
                .body(
                        "error",
                        org.hamcrest.Matchers.containsString("Migration " + first + " (relink) is still RUNNING"));

        // Its tasks are on the task topic before the cancel: sent, so the workers will answer them.
        int total = given().get("/migrations/" + first).path("tasks.total");
        List<MigrationTask> sent = worker.receiveTasks(first, total);
        assertThat(sent).hasSize(total);

        given().post("/migrations/" + first + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().post("/migrations/" + first + "/cancel").then().statusCode(409);
        // Its tasks were sent and no worker has answered: they may still be writing, so even its undo must wait.
        given().post("/migrations/" + first + "/undo")
                .then()
                .statusCode(409)
                .body("error", org.hamcrest.Matchers.containsString("still finishing"));

        for (MigrationTask task : sent) {
            worker.answer(TaskResult.skipped(task.id()));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + first)
                        .then()
                        .body("status", equalTo("CANCELLED"))
                        .body("tasks.skipped", equalTo(total))
                        .body("tasks.pending", equalTo(0)));
        String undo = given().post("/migrations/" + first + "/undo")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        // No worker answers the undo either: while it may read the relink's journal, the journal is not forgotten.
        given().delete("/migrations/" + first + "/journal")
                .then()
                .statusCode(409)
                .body(
                        "error",
                        org.hamcrest.Matchers.startsWith(
                                "Migration " + undo + " is undoing relink " + first + " from its journal and is "));
    }

    private static long documentsIn(String collection) {
        try (MongoClient client = MongoClients.create(PlannerInfrastructure.mongoUri())) {
            return client.getDatabase("backend").getCollection(collection).countDocuments();
        }
    }

    /** url_to_delete first fails, then "succeeds" on a duplicate delivery: the first result must win. */
    private void answerEveryTaskTwice(List<MigrationTask> tasks) throws Exception {
        for (MigrationTask task : tasks) {
            TaskResult success = inspected(task);
            TaskResult first = task.target().equals("url_to_delete")
                    ? TaskResult.failed(task.id(), FailureReason.TARGET_REJECTED, "refused")
                    : success;
            worker.answer(first);
            worker.answer(success);
        }
    }

    private MigrationProgress lastProgress(String migrationId) throws Exception {
        List<MigrationProgress> snapshots = worker.readUntil(
                Topics.PROGRESS,
                migrationId,
                MigrationProgress.class,
                read -> !read.isEmpty() && read.get(read.size() - 1).pending() == 0);
        return snapshots.get(snapshots.size() - 1);
    }
}
