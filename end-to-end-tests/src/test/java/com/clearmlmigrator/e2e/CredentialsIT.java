package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.clearmlmigrator.contracts.Topics;

import io.restassured.path.json.JsonPath;

/**
 * Credentials cross Kafka sealed: the planner seals the Elasticsearch password of every task it sends, the worker
 * opens it and does the work, and no message on the task topic holds the password in clear.
 */
@ExtendWith(RunningSystem.class)
class CredentialsIT {
    private static final String PASSWORD = "s3cret-" + UUID.randomUUID();

    @Test
    void tasksCarrySealedCredentialsThatTheWorkerOpens() {
        // The local node runs without security and ignores the credentials; they only have to travel.
        String id = Migrations.submit("{\"kind\":\"inspect\",\"elastic\":{\"hosts\":[\""
                + RunningSystem.ports().elastic7Url() + "\"],\"username\":\"elastic\",\"password\":\"" + PASSWORD
                + "\"}}");

        JsonPath migration = Migrations.awaitFinal(id);

        assertThat(migration.getString("status")).as(migration.prettify()).isEqualTo("SUCCEEDED");
        List<String> tasks = taskMessages(id, migration.getInt("tasks.total"));
        assertThat(tasks).isNotEmpty().noneMatch(task -> task.contains(PASSWORD));
        assertThat(tasks).allMatch(task -> task.contains("\"password\":\"SEALED-"));
    }

    private static List<String> taskMessages(String migrationId, int expected) {
        List<String> messages = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningSystem.ports().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "credentials-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.ELASTIC_TASKS));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.key() != null && record.key().startsWith(migrationId + "-")) {
                        messages.add(record.value());
                    }
                });
                return messages.size() >= expected;
            });
        }
        return messages;
    }
}
