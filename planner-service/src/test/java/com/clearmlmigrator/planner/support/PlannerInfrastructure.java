package com.clearmlmigrator.planner.support;

import java.net.InetSocketAddress;
import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import com.mongodb.ConnectionString;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import de.bwaldvogel.mongo.MongoBackend;
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
    private static MongoServer mongo;
    private static MongoBackend mongoData;
    private KafkaClusterTestKit kafka;

    @Override
    public Map<String, String> start() {
        mongoData = new KeptMemoryBackend().version(ServerVersion.MONGO_5_0);
        mongo = new MongoServer(mongoData);
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

    /** Data that outlives a server's shutdown, for a server started again on it. */
    private static final class KeptMemoryBackend extends MemoryBackend {
        @Override
        public void close() {
            // Kept: bringMongoBack serves it again.
        }
    }

    /** Takes the wire server off its port, as a MongoDB that went down; its data stays for {@link #bringMongoBack}. */
    public static void takeMongoAway() {
        mongo.shutdownNow();
    }

    /** The wire server back on the port it had, with the data it held. */
    public static void bringMongoBack() {
        InetSocketAddress address = new ConnectionString(mongoUri)
                .getHosts().stream()
                        .map(host -> new InetSocketAddress(host.split(":")[0], Integer.parseInt(host.split(":")[1])))
                        .findFirst()
                        .orElseThrow();
        mongo = new MongoServer(mongoData);
        mongo.bind(address);
    }

    public static String mongoUri() {
        return mongoUri;
    }

    public static String kafkaBootstrap() {
        return kafkaBootstrap;
    }
}
