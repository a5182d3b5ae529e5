package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A KRaft broker's configuration and log folder in its data folder: one broker that is its own controller. */
record KafkaStorage(StackPorts ports, Path dataDir) {
    /** Writes the broker's configuration into its data folder; returns the file. */
    Path writeConfig() {
        String config = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + ports.kafkaController(),
                "listeners=PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:"
                        + ports.kafkaController(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + ports.kafka(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir.resolve("log"),
                // Same as the planner's task-partitions default, so auto-created task topics need not grow.
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
        try {
            return Files.writeString(dataDir.resolve("server.properties"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats the log folder the first time only: a formatted one holds the topics of earlier runs. */
    void formatOnce(String javaBinary, String classPath, Path config) {
        if (Files.exists(dataDir.resolve("log/meta.properties"))) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(javaBinary, "-cp", classPath, "kafka.tools.StorageTool"));
        command.addAll(List.of("format", "-t", clusterId(), "-c", config.toString()));
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("format.log").toFile())
                    .start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException(
                        "Formatting Kafka storage failed; see " + dataDir.resolve("format.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not format Kafka storage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64; Kafka rejects ids that start with a dash. */
    private static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
