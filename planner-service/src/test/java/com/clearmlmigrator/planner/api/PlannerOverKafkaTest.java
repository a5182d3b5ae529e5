package com.clearmlmigrator.planner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationProgress;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.lifecycle.MigrationResumption;
import com.clearmlmigrator.planner.messaging.TaskResultConsumer;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.support.PlannerApi;
import com.clearmlmigrator.planner.support.PlannerInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.ReplaceOptions;

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
    private static final List<String> COLLECTIONS = List.of("model", "project", "queue", "task", "url_to_delete");

    @Inject
    ObjectMapper json;

    @Inject
    MigrationStore store;

    @Inject
    MigrationResumption resumption;

    @Test
    void aggregatesDuplicatedResultsIntoOneCountPerTaskAndKeepsTheFirst() throws Exception {
        seedClearmlCollections();
        String id = submitInspect();

        List<MigrationTask> tasks = receiveTasks(id, COLLECTIONS.size());
        assertThat(tasks).extracting(t -> t.id().ordinal()).containsExactly(0, 1, 2, 3, 4);
        assertThat(tasks).extracting(MigrationTask::target).containsExactlyElementsOf(COLLECTIONS);
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
        List<MigrationTask> delivered = receiveTasks(id, COLLECTIONS.size() + 1);
        assertThat(delivered)
                .filteredOn(t -> t.target().equals("url_to_delete"))
                .hasSize(2);
        MigrationTask again = delivered.stream()
                .filter(t -> t.target().equals("url_to_delete"))
                .max(Comparator.comparing(MigrationTask::sentAt))
                .orElseThrow();
        // The retry's own copy was sent after the end: the workers perform it.
        assertThat(firstEnd.stops(again)).isFalse();
        answer(inspected(again));
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
        return readUntil(
                        Topics.CLOSED_MIGRATIONS,
                        migrationId,
                        MigrationClosed.class,
                        announced -> announced.stream().anyMatch(closed -> closed.status() == status))
                .stream()
                .filter(closed -> closed.status() == status)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private void answer(TaskResult result) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(
                            Topics.TASK_RESULTS, result.taskId().migrationId(), json.writeValueAsString(result)))
                    .get();
        }
    }

    /**
     * A planner stopped after recording a result and before judging its migration leaves the result's offset
     * uncommitted: the result comes again, or the planner starts again, and either must end the migration.
     */
    @Test
    void aLastResultRecordedJustBeforeAStopEndsItsMigrationWhenItComesAgainOrWhenThePlannerResumes() throws Exception {
        seedClearmlCollections();
        String redelivered = submitInspect();
        TaskResult last = answerAllButRecordTheLastOneOnly(redelivered);
        answer(last);
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
        seedClearmlCollections();
        String id = submitInspect();
        List<MigrationTask> tasks = receiveTasks(id, COLLECTIONS.size());
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
        seedClearmlCollections();
        String id = submitInspect();
        MigrationTask task = receiveTasks(id, COLLECTIONS.size()).get(0);
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

    /** A result that arrives while the planner's MongoDB is down waits in Kafka, and is folded in once it is back. */
    @Test
    void aResultThatArrivesWhileThePlannersStoreIsDownIsFoldedInOnceItIsBack() throws Exception {
        seedClearmlCollections();
        String id = submitInspect();
        List<MigrationTask> tasks = receiveTasks(id, COLLECTIONS.size());
        for (MigrationTask task : tasks.subList(0, tasks.size() - 1)) {
            answer(inspected(task));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        given().get("/migrations/" + id).then().body("tasks.succeeded", equalTo(tasks.size() - 1)));

        MigrationTask last = tasks.get(tasks.size() - 1);
        try (ConsumerWarnings warnings = new ConsumerWarnings()) {
            PlannerInfrastructure.takeMongoAway();
            try {
                // A worker still at the last task says so: the planner cannot read it into the migration now.
                heartbeat(
                        "mongo-worker@host-a/4712#x1y2",
                        new TaskProgress(last.id(), 3, 0, Instant.now(), Instant.now()));
                answer(inspected(last));
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
        List<MigrationTask> tasks = receiveTasks(migrationId, COLLECTIONS.size());
        for (MigrationTask task : tasks.subList(0, tasks.size() - 1)) {
            answer(inspected(task));
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

    private static TaskResult inspected(MigrationTask task) {
        return TaskResult.succeeded(
                task.id(), new CollectionInspection("backend", task.target(), 7, 100, "5.0.0", Map.of(), List.of()));
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
        String first = PlannerApi.submit(relink);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + first).then().body("status", equalTo("RUNNING")));

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
        List<MigrationTask> sent = receiveTasks(first, total);
        assertThat(sent).hasSize(total);

        given().post("/migrations/" + first + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().post("/migrations/" + first + "/cancel").then().statusCode(409);
        // Its tasks were sent and no worker has answered: they may still be writing, so even its undo must wait.
        given().post("/migrations/" + first + "/undo")
                .then()
                .statusCode(409)
                .body("error", org.hamcrest.Matchers.containsString("still finishing"));

        for (MigrationTask task : sent) {
            answer(TaskResult.skipped(task.id()));
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

    @Test
    void aTaskWhoseWorkerFallsSilentIsShownStalledSentAgainAndThenFailedNamingTheWorker() throws Exception {
        seedClearmlCollections();
        String id = submitInspect();
        List<MigrationTask> tasks = receiveTasks(id, COLLECTIONS.size());
        MigrationTask silent = tasks.get(0);
        String worker = "mongo-worker@host-a/4711#k3f9";
        // The worker starts the first task, says so once, and is never heard from again (frozen, say).
        heartbeat(worker, new TaskProgress(silent.id(), 5, 0, Instant.now(), Instant.now()));
        for (MigrationTask task : tasks.subList(1, tasks.size())) {
            answer(inspected(task));
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + id)
                        .then()
                        .body("status", equalTo("RUNNING"))
                        .body("running[0].task", equalTo(silent.id().toString()))
                        .body("running[0].worker", equalTo(worker))
                        .body("running[0].documents", equalTo(5))
                        .body("running[0].stalled", equalTo(true))
                        .body("running[0].resent", equalTo(1))
                        // What `watch` prints: the silent worker by name, and what became of its task.
                        .body(
                                "notice",
                                allOf(
                                        startsWith(worker + " has said nothing of the task it performs for "),
                                        endsWith(" s: stalled, sent again for a live worker to"
                                                + " take over once its lease ends."))));
        assertThat(receiveTasks(id, COLLECTIONS.size() + 1))
                .as("the stalled task went out again, under the same id")
                .filteredOn(task -> task.id().equals(silent.id()))
                .hasSize(2);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + id)
                        .then()
                        .body("status", equalTo("COMPLETED_WITH_ERRORS"))
                        .body("tasks.failed", equalTo(1))
                        .body("running.size()", equalTo(0)));
        given().get("/migrations/" + id + "/report")
                .then()
                .body("failures[0].reason", equalTo("TARGET_UNAVAILABLE"))
                .body("failures[0].detail", org.hamcrest.Matchers.containsString("stalled: worker " + worker))
                .body("failures[0].detail", org.hamcrest.Matchers.containsString("/retry"));
    }

    @Test
    void aTaskSentAgainIsNotFailedWhileAnotherWorkerOfItsKindHasJustBeenBusyAndMayBeTakingItUp() throws Exception {
        seedClearmlCollections();
        String id = submitInspect();
        List<MigrationTask> tasks = receiveTasks(id, COLLECTIONS.size());
        MigrationTask silent = tasks.get(0);
        MigrationTask ownPart = tasks.get(1);
        String killed = "mongo-worker@host-a/4711#dead";
        String survivor = "mongo-worker@host-b/4712#live";
        heartbeat(killed, startedNow(silent));
        for (MigrationTask task : tasks.subList(2, tasks.size())) {
            answer(inspected(task));
        }
        // The survivor is busy with a part of its own until the silent task has been sent again and that copy has
        // been silent for the stall timeout (3 s here) as well.
        TaskProgress own = startedNow(ownPart);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    heartbeat(survivor, own);
                    given().get("/migrations/" + id)
                            .then()
                            .body(
                                    "running.find { it.resent == 1 }.task",
                                    equalTo(silent.id().toString()));
                });
        Instant resentSeen = Instant.now();
        while (Instant.now().isBefore(resentSeen.plusSeconds(4))) {
            heartbeat(survivor, own);
            Thread.sleep(500);
        }
        answer(inspected(ownPart));
        // Idle now, it takes the copy up, but watches the killed worker's lease first and names nothing meanwhile
        // (in CI that took 4 s, and the planner failed the task the moment the survivor fell idle).
        heartbeat(survivor);
        Thread.sleep(1_500);
        heartbeat(survivor, startedNow(silent));
        answer(inspected(silent));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + id)
                        .then()
                        .body("status", equalTo("SUCCEEDED"))
                        .body("tasks.failed", equalTo(0)));
    }

    private static TaskProgress startedNow(MigrationTask task) {
        return new TaskProgress(task.id(), 5, 0, Instant.now(), Instant.now());
    }

    private void heartbeat(String worker, TaskProgress... progress) throws Exception {
        WorkerHeartbeat beat = new WorkerHeartbeat(worker, WorkerKind.MONGO, Instant.now(), List.of(progress));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.HEARTBEATS, worker, json.writeValueAsString(beat)))
                    .get();
        }
    }

    private static String submitInspect() {
        return PlannerApi.submit("{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"" + PlannerInfrastructure.mongoUri()
                + "\",\"database\":\"backend\"}}");
    }

    /** Idempotent: both tests seed the same server. */
    private static void seedClearmlCollections() {
        try (MongoClient client = MongoClients.create(PlannerInfrastructure.mongoUri())) {
            COLLECTIONS.forEach(c -> client.getDatabase("backend")
                    .getCollection(c)
                    .replaceOne(new Document("_id", c), new Document("_id", c), new ReplaceOptions().upsert(true)));
        }
    }

    private List<MigrationTask> receiveTasks(String migrationId, int expected) throws Exception {
        List<MigrationTask> tasks = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.MONGO_TASKS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (tasks.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    MigrationTask task = json.readValue(record.value(), MigrationTask.class);
                    assertThat(record.key()).isEqualTo(task.id().toString());
                    if (task.id().migrationId().equals(migrationId)) {
                        tasks.add(task);
                    }
                }
            }
        }
        tasks.sort((a, b) -> Integer.compare(a.id().ordinal(), b.id().ordinal()));
        return tasks;
    }

    /** url_to_delete first fails, then "succeeds" on a duplicate delivery: the first result must win. */
    private void answerEveryTaskTwice(List<MigrationTask> tasks) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (MigrationTask task : tasks) {
                TaskResult success = inspected(task);
                TaskResult first = task.target().equals("url_to_delete")
                        ? TaskResult.failed(task.id(), FailureReason.TARGET_REJECTED, "refused")
                        : success;
                for (TaskResult result : List.of(first, success)) {
                    String key = task.id().migrationId();
                    producer.send(new ProducerRecord<>(Topics.TASK_RESULTS, key, json.writeValueAsString(result)))
                            .get();
                }
            }
        }
    }

    private MigrationProgress lastProgress(String migrationId) throws Exception {
        List<MigrationProgress> snapshots = readUntil(
                Topics.PROGRESS,
                migrationId,
                MigrationProgress.class,
                read -> !read.isEmpty() && read.get(read.size() - 1).pending() == 0);
        return snapshots.get(snapshots.size() - 1);
    }

    /** The migration's messages on a topic, read from its start until {@code enough} holds for what was read. */
    private <T> List<T> readUntil(String topic, String migrationId, Class<T> type, Predicate<List<T>> enough)
            throws Exception {
        List<T> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(migrationId)) {
                        read.add(json.readValue(record.value(), type));
                    }
                }
                return enough.test(read);
            });
        }
        return read;
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlannerInfrastructure.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "stand-in-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlannerInfrastructure.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
