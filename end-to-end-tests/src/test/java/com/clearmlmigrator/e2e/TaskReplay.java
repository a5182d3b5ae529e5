package com.clearmlmigrator.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

import com.clearmlmigrator.contracts.Topics;

/** Redelivers every task of some migrations, as Kafka may, and waits until the workers answered each again. */
final class TaskReplay {
    private TaskReplay() {}

    static void replayAndAwaitResults(String bootstrap, List<String> migrationIds) throws Exception {
        // Each task once: the topics also hold the copies an earlier replay sent, and copies of one task delivered
        // together are performed once, by the worker that holds its lease, and answered once.
        Map<String, ConsumerRecord<String, String>> byTask = new LinkedHashMap<>();
        read(
                        bootstrap,
                        List.of(Topics.MONGO_TASKS, Topics.ELASTIC_TASKS),
                        record -> migrationIds.stream()
                                .anyMatch(id -> record.key().startsWith(id + "-")),
                        -1)
                .forEach(record -> byTask.putIfAbsent(record.key(), record));
        List<ConsumerRecord<String, String>> tasks = new ArrayList<>(byTask.values());
        int resultsBefore = read(bootstrap, List.of(Topics.TASK_RESULTS), r -> migrationIds.contains(r.key()), -1)
                .size();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (ConsumerRecord<String, String> task : tasks) {
                producer.send(new ProducerRecord<>(task.topic(), task.key(), task.value()))
                        .get();
            }
        }
        read(
                bootstrap,
                List.of(Topics.TASK_RESULTS),
                r -> migrationIds.contains(r.key()),
                resultsBefore + tasks.size());
    }

    /** Reads matching records from the start; with {@code atLeast} >= 0, waits until that many have arrived. */
    static List<ConsumerRecord<String, String>> read(
            String bootstrap,
            List<String> topics,
            java.util.function.Predicate<ConsumerRecord<String, String>> matching,
            int atLeast) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "replay-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
            consumer.subscribe(topics);
            int[] emptyPolls = {0};
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                var polled = consumer.poll(Duration.ofMillis(500));
                polled.forEach(r -> {
                    if (r.key() != null && matching.test(r)) {
                        records.add(r);
                    }
                });
                emptyPolls[0] = polled.isEmpty() ? emptyPolls[0] + 1 : 0;
                // Without a target count, everything present has been read once polls come back empty.
                return atLeast >= 0
                        ? records.size() >= atLeast
                        : emptyPolls[0] >= 4 && consumer.assignment().size() > 0;
            });
        }
        return records;
    }
}
