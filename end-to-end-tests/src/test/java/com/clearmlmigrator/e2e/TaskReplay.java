package com.clearmlmigrator.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.clearmlmigrator.contracts.Topics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Redelivers every task of some migrations, as Kafka may. */
final class TaskReplay {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskReplay() {}

    /**
     * Delivers every task again as if its migration still wanted it, and waits until the workers answered each again.
     * Kafka delivers a task again during its migration (a worker crash, a rebalance); these tasks are stamped as sent
     * now, so that the workers perform them on the data the migration left, where a delivery after the migration's
     * end would be left alone ({@link #replayAsRecorded}). That is what shows every write path idempotent.
     */
    static void replayAndAwaitResults(String bootstrap, List<String> migrationIds) throws Exception {
        List<ConsumerRecord<String, String>> tasks = tasksOf(bootstrap, migrationIds);
        int resultsBefore = read(bootstrap, List.of(Topics.TASK_RESULTS), r -> migrationIds.contains(r.key()), -1)
                .size();
        send(bootstrap, tasks, TaskReplay::sentNow);
        read(
                bootstrap,
                List.of(Topics.TASK_RESULTS),
                r -> migrationIds.contains(r.key()),
                resultsBefore + tasks.size());
    }

    /** Delivers every task again exactly as the planner sent it; returns how many went to each task topic. */
    static Map<String, Integer> replayAsRecorded(String bootstrap, List<String> migrationIds) throws Exception {
        List<ConsumerRecord<String, String>> tasks = tasksOf(bootstrap, migrationIds);
        send(bootstrap, tasks, value -> value);
        Map<String, Integer> perTopic = new LinkedHashMap<>();
        tasks.forEach(task -> perTopic.merge(task.topic(), 1, Integer::sum));
        return perTopic;
    }

    private static List<ConsumerRecord<String, String>> tasksOf(String bootstrap, List<String> migrationIds) {
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
        return new ArrayList<>(byTask.values());
    }

    private static void send(String bootstrap, List<ConsumerRecord<String, String>> tasks, UnaryOperator<String> asSent)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (ConsumerRecord<String, String> task : tasks) {
                producer.send(new ProducerRecord<>(task.topic(), task.key(), asSent.apply(task.value())))
                        .get();
            }
        }
    }

    private static String sentNow(String task) {
        try {
            ObjectNode stamped = (ObjectNode) JSON.readTree(task);
            return JSON.writeValueAsString(stamped.put("sentAt", Instant.now().toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A task on the topic is not JSON: " + task, e);
        }
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
