package com.clearmlmigrator.testsupport;

import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker inside the test JVM, from Kafka's own test kit, on a port of its choosing: the
 * broker of the component tests, which start in seconds where a broker process takes many.
 */
public final class InJvmKafka implements AutoCloseable {
    /**
     * What every test's broker needs: topics made as they are first named, one node's replication, and no wait for
     * more members before a consumer group's first assignment (a test's group has all it will have).
     */
    private static final Map<String, String> ONE_NODE = Map.of(
            "auto.create.topics.enable", "true",
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "1",
            "group.initial.rebalance.delay.ms", "0");

    private final KafkaClusterTestKit kit;

    private InJvmKafka(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    /**
     * A started broker, ready for clients.
     *
     * @param settings broker settings beyond those of one node, for example {@code num.partitions}
     */
    public static InJvmKafka start(Map<String, String> settings) {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build());
            ONE_NODE.forEach(builder::setConfigProp);
            settings.forEach(builder::setConfigProp);
            KafkaClusterTestKit kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new InJvmKafka(kit);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            kit.close();
        } catch (Exception e) {
            // The JVM ends with the tests; a broker that does not close cleanly loses nothing.
        }
    }
}
