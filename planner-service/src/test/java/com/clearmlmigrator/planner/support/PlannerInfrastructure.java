package com.clearmlmigrator.planner.support;

import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A real single-node KRaft broker and the MongoDB wire server, both inside the test JVM on random ports. The wire
 * server holds the planner's own database and the ClearML data the tests inspect.
 */
public class PlannerInfrastructure implements QuarkusTestResourceLifecycleManager {
    private static String mongoUri;
    private static String kafkaBootstrap;
    private KafkaClusterTestKit kafka;
    private MongoServer mongo;

    @Override
    public Map<String, String> start() {
        mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        mongoUri = mongo.bindAndGetConnectionString();
        try {
            kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "6")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
        kafkaBootstrap = kafka.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", kafkaBootstrap, "quarkus.mongodb.connection-string", mongoUri);
    }

    @Override
    public void stop() {
        try {
            kafka.close();
        } catch (Exception e) {
            // The JVM ends with the tests; a broker that does not close cleanly loses nothing.
        }
        mongo.shutdownNow();
    }

    public static String mongoUri() {
        return mongoUri;
    }

    public static String kafkaBootstrap() {
        return kafkaBootstrap;
    }
}
