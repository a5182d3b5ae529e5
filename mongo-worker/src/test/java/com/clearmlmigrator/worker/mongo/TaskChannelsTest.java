package com.clearmlmigrator.worker.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.IdRange;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.worker.runtime.testing.ClosedMigrations;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * The mongo-worker as deployed, from the task message to the published result, with its Kafka channels in memory and
 * the MongoDB wire server: what the intake, the lease, the relink and the outbox do together.
 */
@QuarkusTest
@TestProfile(InMemoryChannels.class)
class TaskChannelsTest {
    private static final String OLD = "http://files.old.lan:8081/";
    private static final String NEW = "http://files.old.lan:8081/moved/";
    private static final int MODELS = 12;

    @Inject
    @Any
    InMemoryConnector channels;

    @Inject
    MongoClient mongo;

    @Inject
    ObjectMapper json;

    @Inject
    ClosedMigrations cancellations;

    @ConfigProperty(name = "quarkus.mongodb.connection-string")
    String uri;

    private InMemorySource<String> tasks;
    private InMemorySink<TaskResult> results;
    private InMemorySink<String> deadLetters;
    private String database;

    @BeforeEach
    void seedModelsOfTheirOwnDatabase() {
        tasks = channels.source(Topics.MONGO_TASKS);
        results = channels.sink(Topics.TASK_RESULTS);
        deadLetters = channels.sink(Topics.DEAD_LETTERS);
        results.clear();
        deadLetters.clear();
        database = "backend_" + UUID.randomUUID().toString().substring(0, 8);
        List<Document> models = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            models.add(new Document("_id", "model-" + i).append("uri", OLD + "models/" + i + "/weights.pkl"));
        }
        models().insertMany(models);
    }

    @Test
    void aRelinkTaskRewritesTheCollectionAndPublishesOneSucceededResult() throws Exception {
        MigrationTask task = relinkOfModels("relink-1");

        tasks.send(json.writeValueAsString(task));

        TaskResult result = awaitResults(1).get(0);
        assertThat(result.taskId()).isEqualTo(task.id());
        assertThat(result.outcome()).isEqualTo(TaskOutcome.SUCCEEDED);
        FieldTally uris = ((RelinkReport) result.report()).fields().get(0);
        assertThat(uris.changed()).isEqualTo(MODELS);
        assertThat(uris.remaining()).isZero();
        assertThat(uris())
                .hasSize(MODELS)
                .allSatisfy(uri -> assertThat(uri).startsWith(NEW).doesNotContain("moved/moved/"));
    }

    @Test
    void theSameTaskDeliveredAgainRewritesNothingTwice() throws Exception {
        String payload = json.writeValueAsString(relinkOfModels("relink-2"));

        tasks.send(payload);
        awaitResults(1);
        tasks.send(payload);

        assertThat(awaitResults(2)).extracting(TaskResult::outcome).containsOnly(TaskOutcome.SUCCEEDED);
        assertThat(uris())
                .hasSize(MODELS)
                .allSatisfy(uri -> assertThat(uri).startsWith(NEW).doesNotContain("moved/moved/"));
    }

    @Test
    void aTaskOfACancelledMigrationIsSkippedAndChangesNothing() throws Exception {
        cancellations.cancel("relink-3");

        tasks.send(json.writeValueAsString(relinkOfModels("relink-3")));

        assertThat(awaitResults(1).get(0).outcome()).isEqualTo(TaskOutcome.SKIPPED);
        assertThat(uris()).allSatisfy(uri -> assertThat(uri).startsWith(OLD).doesNotContain("moved/"));
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndTheWorkerGoesOn() throws Exception {
        tasks.send("{\"id\": \"unreadable-0000\", \"type\": \"NOT_A_TASK_TYPE\"}");
        tasks.send(json.writeValueAsString(relinkOfModels("relink-5")));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !deadLetters.received().isEmpty());
        assertThat(deadLetters.received().get(0).getPayload()).contains("NOT_A_TASK_TYPE");
        List<TaskResult> answered = awaitResults(2);
        assertThat(answered)
                .filteredOn(r -> r.taskId().migrationId().equals("unreadable"))
                .singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(TaskOutcome.FAILED))
                .satisfies(r -> assertThat(r.detail()).startsWith("The task message could not be read"));
        assertThat(answered)
                .filteredOn(r -> r.taskId().migrationId().equals("relink-5"))
                .singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(TaskOutcome.SUCCEEDED));
    }

    @Test
    void heartbeatsNameThisWorkerAndItsKind() {
        InMemorySink<WorkerHeartbeat> heartbeats = channels.sink(Topics.HEARTBEATS);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !heartbeats.received().isEmpty());

        WorkerHeartbeat beat =
                heartbeats.received().get(heartbeats.received().size() - 1).getPayload();
        assertThat(beat.kind()).isEqualTo(WorkerKind.MONGO);
        assertThat(beat.worker()).startsWith("mongo-worker@");
    }

    private MigrationTask relinkOfModels(String migrationId) {
        return new MigrationTask(
                new TaskId(migrationId, 0),
                TaskType.RELINK_COLLECTION,
                "model",
                new MongoEndpoint(uri, database),
                null,
                new RelinkSpec(OLD, NEW, false, List.of(), List.of()),
                IdRange.ALL,
                null);
    }

    private List<TaskResult> awaitResults(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> results.received().size() >= count);
        return results.received().stream().map(Message::getPayload).toList();
    }

    private MongoCollection<Document> models() {
        return mongo.getDatabase(database).getCollection("model");
    }

    private List<String> uris() {
        return models().find(Filters.exists("uri")).map(m -> m.getString("uri")).into(new ArrayList<>());
    }
}
