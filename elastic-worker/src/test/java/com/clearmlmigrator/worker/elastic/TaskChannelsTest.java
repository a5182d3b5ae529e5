package com.clearmlmigrator.worker.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.IdRange;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.contracts.WorkerKind;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * The elastic-worker as deployed, from the task message to the published result, with its Kafka channels in memory:
 * how the intake, the retries and the task handler answer tasks they cannot perform. The copy and relink protocols
 * against real clusters are the end-to-end tests'; their engines have unit tests of their own.
 */
@QuarkusTest
@TestProfile(InMemoryChannels.class)
class TaskChannelsTest {
    @Inject
    @Any
    InMemoryConnector channels;

    @Inject
    ObjectMapper json;

    private InMemorySource<String> tasks;
    private InMemorySink<TaskResult> results;

    @BeforeEach
    void emptyTheResults() {
        tasks = channels.source(Topics.ELASTIC_TASKS);
        results = channels.sink(Topics.TASK_RESULTS);
        results.clear();
    }

    @Test
    void aTaskOnAClusterThatDoesNotAnswerFailsAsUnavailableAfterItsRetries() throws Exception {
        String nobody = "http://127.0.0.1:" + closedPort();
        MigrationTask inspect = MigrationTask.inspection(
                new TaskId("inspect-1", 0),
                "events-log-d1bd92a3b039400cbafc60a7a5b1e52b",
                new ElasticEndpoint(List.of(nobody), null, null));

        tasks.send(json.writeValueAsString(inspect));

        TaskResult result = awaitResult();
        assertThat(result.taskId()).isEqualTo(inspect.id());
        assertThat(result.outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
        assertThat(result.detail()).contains("127.0.0.1").endsWith("(after 2 attempts)");
    }

    @Test
    void aMongoTaskSentToTheElasticWorkerFailsAsBadInput() throws Exception {
        MigrationTask mongoTask = new MigrationTask(
                new TaskId("relink-1", 0),
                TaskType.RELINK_COLLECTION,
                "model",
                new MongoEndpoint("mongodb://127.0.0.1:27017", "backend"),
                null,
                new RelinkSpec("http://old:8081/", "http://new:8081/", false, List.of(), List.of()),
                IdRange.ALL,
                null);

        tasks.send(json.writeValueAsString(mongoTask));

        TaskResult result = awaitResult();
        assertThat(result.outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(result.reason()).isEqualTo(FailureReason.BAD_INPUT);
        assertThat(result.detail()).isEqualTo("elastic-worker does not handle RELINK_COLLECTION tasks.");
    }

    @Test
    void heartbeatsNameThisWorkerAndItsKind() {
        InMemorySink<WorkerHeartbeat> heartbeats = channels.sink(Topics.HEARTBEATS);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !heartbeats.received().isEmpty());

        WorkerHeartbeat beat = heartbeats.received().get(0).getPayload();
        assertThat(beat.kind()).isEqualTo(WorkerKind.ELASTIC);
        assertThat(beat.worker()).startsWith("elastic-worker@");
    }

    private TaskResult awaitResult() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !results.received().isEmpty());
        List<TaskResult> received =
                results.received().stream().map(Message::getPayload).toList();
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
