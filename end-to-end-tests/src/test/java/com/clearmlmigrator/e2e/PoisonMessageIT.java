package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.Migrations.elastic;
import static com.clearmlmigrator.e2e.Migrations.mongo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.Topics;

/** A malformed task never stops a worker: it lands in the dead-letter topic and the next migration still runs. */
@OnRunningSystem
class PoisonMessageIT {

    @Test
    void workersDeadLetterUnreadableTasksAndKeepConsuming() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.ports().kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(Topics.MONGO_TASKS, marker, "{not json " + marker))
                    .get();
            producer.send(new ProducerRecord<>(Topics.ELASTIC_TASKS, marker, "[\"" + marker + "\"]"))
                    .get();
        }

        String id = Migrations.submit(
                "{\"kind\":\"inspect\"," + mongo(RunningSystem.ports().mongoUri()) + ","
                        + elastic(RunningSystem.ports().elastic7Url()) + "}");

        assertThat(Migrations.awaitFinal(id).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(deadLettersContaining(marker))
                .hasSize(2)
                .allSatisfy(reason -> assertThat(reason).startsWith("unreadable task"));
    }

    private static List<String> deadLettersContaining(String marker) {
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.ports().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + marker,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(marker)) {
                        var header = record.headers().lastHeader("dead-letter-reason");
                        reasons.add(header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
                return reasons.size() >= 2;
            });
        }
        return reasons;
    }
}
