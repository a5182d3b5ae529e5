package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.Topics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every migration cancelled or ended, as {@link Topics#CLOSED_MIGRATIONS} tells it, read whole from the beginning and
 * then followed by one thread. A plain consumer with its partitions assigned, not a consumer group: every worker must
 * see every announcement. Until the feed has read what the topic held when it started, {@link #closure} waits (the
 * topic is small and compacted, so that is a moment), so that a worker started after a cancellation never runs a task
 * of it.
 */
final class ClosedMigrationsFeed implements MigrationStatuses, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ClosedMigrationsFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TOPIC_RECHECK = Duration.ofSeconds(2);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final Duration catchUpWait;
    private final ObjectMapper json;
    private final Map<String, MigrationClosed> closed = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread follower;
    private volatile boolean running = true;

    /**
     * @param kafka       the client settings: bootstrap servers, and the security settings of a broker that asks for
     *                    them
     * @param topic       {@link Topics#CLOSED_MIGRATIONS}, or a topic of a test's own
     * @param catchUpWait how long a task waits for the feed to read what was there at start, before it goes on
     * @param json        reads the announcements (their times included)
     */
    ClosedMigrationsFeed(Map<String, Object> kafka, String topic, Duration catchUpWait, ObjectMapper json) {
        Map<String, Object> settings = new HashMap<>(kafka);
        // Assigned partitions, not a group: every worker reads every announcement.
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // The planner creates the topic compacted; an auto-created one would not be.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Named, so that its log lines (a broker away: warnings of reconnection) say what they are about, not
        // "consumer-null-1".
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "closed-migrations-feed");
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        this.topic = topic;
        this.catchUpWait = catchUpWait;
        this.json = json;
        this.follower = new Thread(this::follow, "closed-migrations-feed");
        this.follower.setDaemon(true);
    }

    void start() {
        follower.start();
    }

    @Override
    public Optional<MigrationClosed> closure(String migrationId) {
        try {
            if (!caughtUp.await(catchUpWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf(
                        "Closed migrations not read from Kafka within %d s; going on as if migration %s still ran",
                        catchUpWait.toSeconds(), migrationId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.ofNullable(closed.get(migrationId));
    }

    private void follow() {
        try {
            Map<TopicPartition, Long> startEnds = assignWhenTopicExists();
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.key() != null) {
                        closed.put(record.key(), read(record.key(), record.value()));
                    }
                }
                if (caughtUp.getCount() > 0
                        && startEnds.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    LOG.infof("Read %d closed migrations", closed.size());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf(e, "The feed of closed migrations stopped; tasks of migrations closed from now on will run");
        } finally {
            caughtUp.countDown();
            consumer.close();
        }
    }

    /**
     * The announcement; one that cannot be read counts as a cancellation, as every announcement did before migrations
     * were announced when they ended: leaving a task undone is safe, the planner can send it again.
     */
    private MigrationClosed read(String migrationId, String value) {
        try {
            MigrationClosed announced = json.readValue(value, MigrationClosed.class);
            if (announced.migrationId().equals(migrationId)) {
                return announced;
            }
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Unreadable announcement of migration %s read as a cancellation: %s", migrationId, value);
        }
        return MigrationClosed.cancelled(migrationId, Instant.EPOCH);
    }

    /**
     * Assigns the topic's partitions from their beginning and returns where they ended then. A topic that does not
     * exist yet holds no announcement: tasks need not wait for it, and the feed looks again until it appears.
     */
    private Map<TopicPartition, Long> assignWhenTopicExists() throws WakeupException {
        while (running) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (partitions != null && !partitions.isEmpty()) {
                List<TopicPartition> assigned = partitions.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
                consumer.assign(assigned);
                consumer.seekToBeginning(assigned);
                return new HashMap<>(consumer.endOffsets(assigned));
            }
            caughtUp.countDown();
            sleep(TOPIC_RECHECK);
        }
        throw new WakeupException();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            follower.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
