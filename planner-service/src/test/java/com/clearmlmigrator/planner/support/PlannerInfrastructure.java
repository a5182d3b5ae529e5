package com.clearmlmigrator.planner.support;

import java.net.InetSocketAddress;
import java.util.Map;

import com.clearmlmigrator.testsupport.InJvmKafka;
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
    private InJvmKafka kafka;

    @Override
    public Map<String, String> start() {
        mongoData = new KeptMemoryBackend().version(ServerVersion.MONGO_5_0);
        mongo = new MongoServer(mongoData);
        mongoUri = mongo.bindAndGetConnectionString();
        kafka = InJvmKafka.start(Map.of("num.partitions", "6"));
        kafkaBootstrap = kafka.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", kafkaBootstrap, "quarkus.mongodb.connection-string", mongoUri);
    }

    @Override
    public void stop() {
        kafka.close();
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
