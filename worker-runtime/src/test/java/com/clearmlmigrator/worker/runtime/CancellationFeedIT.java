package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
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
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cancellation feed on a real KRaft broker in this JVM: what a worker started after a cancellation knows before its
 * first task, what it learns while it runs, and that a missing topic makes no task wait.
 */
class CancellationFeedIT {
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(30);
    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void aWorkerStartedAfterACancellationKnowsItBeforeItsFirstTask() throws Exception {
        createCompacted("cancellations-before");
        announce("cancellations-before", "m-cancelled");

        try (CancellationFeed feed = new CancellationFeed(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), "cancellations-before", CATCH_UP_WAIT)) {
            feed.start();

            assertThat(feed.isCancelled("m-cancelled")).isTrue();
            assertThat(feed.isCancelled("m-running")).isFalse();
        }
    }

    @Test
    void aCancellationAnnouncedWhileTheWorkerRunsIsSeenWithinSeconds() throws Exception {
        createCompacted("cancellations-during");
        try (CancellationFeed feed = new CancellationFeed(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), "cancellations-during", CATCH_UP_WAIT)) {
            feed.start();
            assertThat(feed.isCancelled("m-later")).isFalse();

            announce("cancellations-during", "m-later");

            await().atMost(Duration.ofSeconds(10)).until(() -> feed.isCancelled("m-later"));
        }
    }

    @Test
    void withoutTheTopicNoTaskWaitsAndTheTopicIsFollowedOnceItAppears() throws Exception {
        try (CancellationFeed feed = new CancellationFeed(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), "cancellations-absent", CATCH_UP_WAIT)) {
            feed.start();
            assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThat(feed.isCancelled("m-1")).isFalse());

            createCompacted("cancellations-absent");
            announce("cancellations-absent", "m-1");

            await().atMost(Duration.ofSeconds(15)).until(() -> feed.isCancelled("m-1"));
        }
    }

    private static void createCompacted(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void announce(String topic, String migrationId) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, migrationId, "{\"migrationId\":\"" + migrationId + "\"}"))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
