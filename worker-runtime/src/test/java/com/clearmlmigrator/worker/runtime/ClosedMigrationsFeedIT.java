package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.testsupport.InJvmKafka;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The cancellation feed on a real KRaft broker in this JVM: what a worker started after a cancellation knows before its
 * first task, what it learns while it runs, and that a missing topic makes no task wait.
 */
class ClosedMigrationsFeedIT {
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(30);
    // As the services' ObjectMapper reads and writes times.
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static InJvmKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = InJvmKafka.start(Map.of());
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void aWorkerStartedAfterACancellationKnowsItBeforeItsFirstTask() throws Exception {
        createCompacted("closed-before");
        announce("closed-before", MigrationClosed.cancelled("m-cancelled", Instant.now()));

        try (ClosedMigrationsFeed feed = feed("closed-before")) {
            feed.start();

            assertThat(feed.closure("m-cancelled"))
                    .hasValueSatisfying(closed -> assertThat(closed.cancelled()).isTrue());
            assertThat(feed.closure("m-running")).isEmpty();
        }
    }

    @Test
    void aCancellationAnnouncedWhileTheWorkerRunsIsSeenWithinSeconds() throws Exception {
        createCompacted("closed-during");
        try (ClosedMigrationsFeed feed = feed("closed-during")) {
            feed.start();
            assertThat(feed.closure("m-later")).isEmpty();

            announce("closed-during", MigrationClosed.cancelled("m-later", Instant.now()));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> feed.closure("m-later").isPresent());
        }
    }

    @Test
    void anEndIsReadWithItsStatusAndTimeAndTheLatestAnnouncementCounts() throws Exception {
        createCompacted("closed-ends");
        Instant firstEnd = Instant.parse("2026-12-04T19:00:00.123456Z");
        Instant secondEnd = firstEnd.plusSeconds(600);
        announce("closed-ends", new MigrationClosed("m-retried", firstEnd, MigrationStatus.COMPLETED_WITH_ERRORS));
        announce("closed-ends", new MigrationClosed("m-retried", secondEnd, MigrationStatus.SUCCEEDED));

        try (ClosedMigrationsFeed feed = feed("closed-ends")) {
            feed.start();

            assertThat(feed.closure("m-retried"))
                    .contains(new MigrationClosed("m-retried", secondEnd, MigrationStatus.SUCCEEDED));
        }
    }

    @Test
    void anAnnouncementOfAnOlderPlannerOrAnUnreadableOneCountsAsACancellation() throws Exception {
        createCompacted("closed-older");
        announce("closed-older", "m-older", "{\"migrationId\":\"m-older\",\"at\":\"2026-11-23T01:20:00Z\"}");
        announce("closed-older", "m-garbled", "{\"migrationId\":");

        try (ClosedMigrationsFeed feed = feed("closed-older")) {
            feed.start();

            assertThat(feed.closure("m-older"))
                    .hasValueSatisfying(closed -> assertThat(closed.cancelled()).isTrue());
            assertThat(feed.closure("m-garbled"))
                    .hasValueSatisfying(closed -> assertThat(closed.cancelled()).isTrue());
        }
    }

    @Test
    void withoutTheTopicNoTaskWaitsAndTheTopicIsFollowedOnceItAppears() throws Exception {
        try (ClosedMigrationsFeed feed = feed("closed-absent")) {
            feed.start();
            assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThat(feed.closure("m-1")).isEmpty());

            createCompacted("closed-absent");
            announce("closed-absent", MigrationClosed.cancelled("m-1", Instant.now()));

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> feed.closure("m-1").isPresent());
        }
    }

    private static ClosedMigrationsFeed feed(String topic) {
        return new ClosedMigrationsFeed(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), topic, CATCH_UP_WAIT, JSON);
    }

    private static void createCompacted(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void announce(String topic, MigrationClosed closed) throws Exception {
        announce(topic, closed.migrationId(), JSON.writeValueAsString(closed));
    }

    private static void announce(String topic, String migrationId, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, migrationId, value)).get(30, TimeUnit.SECONDS);
        }
    }
}
