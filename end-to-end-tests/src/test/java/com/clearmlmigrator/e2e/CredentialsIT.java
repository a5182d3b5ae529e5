package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.Topics;

import io.restassured.path.json.JsonPath;

/**
 * Credentials cross Kafka sealed: the planner seals the Elasticsearch password of every task it sends, the worker
 * opens it and does the work, and no message on the task topic holds the password in clear.
 */
@OnRunningSystem
class CredentialsIT {
    private static final String PASSWORD = "s3cret-" + UUID.randomUUID();

    @Test
    void tasksCarrySealedCredentialsThatTheWorkerOpens() {
        // The local node runs without security and ignores the credentials; they only have to travel.
        String id = Migrations.submit("{\"kind\":\"inspect\",\"elastic\":{\"hosts\":[\""
                + RunningSystem.ports().elastic7Url() + "\"],\"username\":\"elastic\",\"password\":\"" + PASSWORD
                + "\"}}");

        JsonPath migration = Migrations.awaitEnded(id, "SUCCEEDED");
        List<String> tasks = taskMessages(id, migration.getInt("tasks.total"));
        assertThat(tasks).isNotEmpty().noneMatch(task -> task.contains(PASSWORD));
        assertThat(tasks).allMatch(task -> task.contains("\"password\":\"SEALED-"));
    }

    private static List<String> taskMessages(String migrationId, int expected) {
        return TaskReplay.read(
                        RunningSystem.ports().kafkaBootstrap(),
                        List.of(Topics.ELASTIC_TASKS),
                        record -> record.key().startsWith(migrationId + "-"),
                        expected)
                .stream()
                .map(ConsumerRecord::value)
                .toList();
    }
}
