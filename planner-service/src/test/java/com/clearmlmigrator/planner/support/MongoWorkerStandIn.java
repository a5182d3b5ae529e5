package com.clearmlmigrator.planner.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.testsupport.PlannerRequests;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Stands in for the mongo-worker over the tests' broker ({@link PlannerInfrastructure}): receives the tasks of an
 * inspection of five ClearML collections, answers them, and sends heartbeats in any worker's name.
 */
@Singleton
public class MongoWorkerStandIn {
    public static final List<String> COLLECTIONS = List.of("model", "project", "queue", "task", "url_to_delete");

    private final ObjectMapper json;

    /** @param json the planner's own mapper, so messages read and written here are those of the contracts */
    public MongoWorkerStandIn(ObjectMapper json) {
        this.json = json;
    }

    /** Submits an inspection of the five collections (seeded first) and gives its id. */
    public static String submitInspect() {
        seedClearmlCollections();
        return PlannerRequests.submit("{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"" + PlannerInfrastructure.mongoUri()
                + "\",\"database\":\"backend\"}}");
    }

    /** Idempotent: every test seeds the same server. */
    public static void seedClearmlCollections() {
        try (MongoClient client = MongoClients.create(PlannerInfrastructure.mongoUri())) {
            COLLECTIONS.forEach(c -> client.getDatabase("backend")
                    .getCollection(c)
                    .replaceOne(new Document("_id", c), new Document("_id", c), new ReplaceOptions().upsert(true)));
        }
    }

    /** A success of an inspection task: 7 documents of 100 bytes. */
    public static TaskResult inspected(MigrationTask task) {
        return TaskResult.succeeded(
                task.id(), new CollectionInspection("backend", task.target(), 7, 100, "5.0.0", Map.of(), List.of()));
    }

    /** Like a task a worker has just started and counted 5 documents of. */
    public static TaskProgress startedNow(MigrationTask task) {
        return new TaskProgress(task.id(), 5, 0, Instant.now(), Instant.now());
    }

    /** The migration's tasks sent so far (up to {@code expected}, within 30 s), in plan order, each keyed by its id. */
    public List<MigrationTask> receiveTasks(String migrationId, int expected) throws Exception {
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
        tasks.sort(Comparator.comparingInt(task -> task.id().ordinal()));
        return tasks;
    }

    /** Publishes a result, keyed by its migration as the workers key them, and returns once the broker has it. */
    public void answer(TaskResult result) throws Exception {
        send(Topics.TASK_RESULTS, result.taskId().migrationId(), result);
    }

    /** Publishes a heartbeat of a mongo-worker performing these tasks (none: idle). */
    public void heartbeat(String worker, TaskProgress... progress) throws Exception {
        heartbeat(worker, List.of(progress), List.of());
    }

    /** Publishes a heartbeat of a mongo-worker performing some tasks and taking others up (watching their leases). */
    public void heartbeat(String worker, List<TaskProgress> performing, List<TaskId> claiming) throws Exception {
        send(
                Topics.HEARTBEATS,
                worker,
                new WorkerHeartbeat(worker, WorkerKind.MONGO, Instant.now(), performing, claiming));
    }

    /** A mongo-worker that sends a heartbeat every 500 ms until closed, naming what the test says it does. */
    public Beating beating(String worker) {
        return new Beating(worker);
    }

    /** A worker's heartbeats on a schedule, as a real worker sends them; idle until told otherwise. */
    public final class Beating implements AutoCloseable {
        private final String worker;
        private final AtomicReference<List<TaskProgress>> performing = new AtomicReference<>(List.of());
        private final AtomicReference<List<TaskId>> claiming = new AtomicReference<>(List.of());
        private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();

        private Beating(String worker) {
            this.worker = worker;
            beats.scheduleAtFixedRate(this::beat, 0, 500, TimeUnit.MILLISECONDS);
        }

        public String name() {
            return worker;
        }

        /** From now on it performs these tasks (none: idle) and takes up none. */
        public void performs(TaskProgress... tasks) {
            claiming.set(List.of());
            performing.set(List.of(tasks));
        }

        /** From now on it takes these tasks up, watching their leases, and performs none. */
        public void takesUp(TaskId... tasks) {
            performing.set(List.of());
            claiming.set(List.of(tasks));
        }

        private void beat() {
            try {
                heartbeat(worker, performing.get(), claiming.get());
            } catch (Exception e) {
                throw new IllegalStateException("Could not send a heartbeat of " + worker, e);
            }
        }

        @Override
        public void close() {
            beats.shutdownNow();
        }
    }

    /** The migration's messages on a topic, read from its start until {@code enough} holds for what was read. */
    public <T> List<T> readUntil(String topic, String migrationId, Class<T> type, Predicate<List<T>> enough)
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

    private void send(String topic, String key, Object message) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlannerInfrastructure.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key, json.writeValueAsString(message)))
                    .get();
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlannerInfrastructure.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "stand-in-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }
}
