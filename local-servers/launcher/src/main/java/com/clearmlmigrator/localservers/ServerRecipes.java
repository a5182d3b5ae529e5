package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command lines of the five local servers, and of the servers tests and tools start beside them.
 *
 * @param stateDir the stack's state folder: the servers' data folders are in it, and every process is marked with it
 */
record ServerRecipes(RepoLayout layout, StackPorts ports, StackOptions options, Path stateDir) {
    static final String KAFKA = "kafka";
    static final String MONGO = "mongo";
    static final String ELASTIC_7 = "elasticsearch-7";
    static final String ELASTIC_5 = "elasticsearch-5";
    static final String S3 = "s3";
    static final String ELASTIC_8 = "elasticsearch-8";
    static final String ELASTIC_7_6 = "elasticsearch-7-6";
    static final String ELASTIC_7_17 = "elasticsearch-7-17";
    static final List<String> SERVERS = List.of(KAFKA, MONGO, ELASTIC_7, ELASTIC_5, S3);

    private static final Duration SERVER_START = Duration.ofSeconds(180);
    private static final String ES_MAIN = "com.clearmlmigrator.localservers.elasticsearch.ElasticsearchNodeMain";
    private static final String ES8_MAIN = "com.clearmlmigrator.localservers.elasticsearch8.Elasticsearch8NodeMain";
    private static final String ES717_MAIN =
            "com.clearmlmigrator.localservers.elasticsearch717.Elasticsearch717NodeMain";

    ProcessSpec kafka() {
        Path dataDir = dataDir(KAFKA);
        KafkaStorage storage = new KafkaStorage(ports, dataDir);
        Path config = storage.writeConfig();
        String classPath = layout.serverClassPath(KAFKA);
        storage.formatOnce(javaBinary(), classPath, config);
        List<String> command = java(options.kafkaHeap(), classPath);
        command.addAll(List.of("kafka.Kafka", config.toString()));
        return new ProcessSpec(KAFKA, command, new Readiness.LogMarker("Kafka Server started"), SERVER_START);
    }

    ProcessSpec mongo() {
        return mongo(MONGO, ports.mongo(), options.persistentMongo());
    }

    /** A MongoDB wire server under its own name and port, in memory or on H2 files in its own data folder. */
    ProcessSpec mongo(String name, int port, boolean persistent) {
        String backend = persistent ? "h2:" + dataDir(name).resolve("clearml.mv") : "memory";
        List<String> command = java(options.mongoHeap(), layout.serverClassPath(MONGO));
        command.addAll(
                List.of("com.clearmlmigrator.localservers.mongo.MongoServerMain", Integer.toString(port), backend));
        return new ProcessSpec(name, command, new Readiness.LogMarker("MONGO_READY"), SERVER_START);
    }

    /** The S3 server, its buckets kept as folders of files in its data folder. */
    ProcessSpec s3() {
        List<String> command = java("128m", layout.serverClassPath(S3));
        command.addAll(List.of(
                "com.clearmlmigrator.localservers.s3.S3ServerMain",
                Integer.toString(ports.s3()),
                dataDir(S3).toString(),
                LocalStack.S3_ACCESS_KEY,
                LocalStack.S3_SECRET_KEY));
        return new ProcessSpec(S3, command, new Readiness.LogMarker("S3_READY"), SERVER_START);
    }

    ProcessSpec elastic7() {
        List<String> command = java(options.elasticHeap(), layout.serverClassPath(ELASTIC_7));
        command.addAll(List.of(
                ES_MAIN,
                dataDir(ELASTIC_7).toString(),
                Integer.toString(ports.elastic7()),
                Integer.toString(ports.elastic7Transport()),
                // ES 7 may reindex from the ES 5.6 node: the benchmarks compare our copy with that.
                "127.0.0.1:" + ports.elastic5()));
        return new ProcessSpec(ELASTIC_7, command, new Readiness.LogMarker("ES_READY"), SERVER_START);
    }

    /** Another ES 7.10.2 cluster of its own (own data, own cluster UUID), for copies from one ES 7 cluster to another. */
    ProcessSpec anotherElastic7(String name, int httpPort, int transportPort) {
        List<String> command = java(options.elasticHeap(), layout.serverClassPath(ELASTIC_7));
        command.addAll(List.of(
                ES_MAIN, dataDir(name).toString(), Integer.toString(httpPort), Integer.toString(transportPort)));
        return new ProcessSpec(name, command, new Readiness.LogMarker("ES_READY"), SERVER_START);
    }

    /**
     * An Elasticsearch 8.15 cluster under its own name and ports: the server and its HTTP transport embedded as Maven
     * Central has them (no painless, reindex or analysis-common, which a copy target does not use).
     */
    ProcessSpec elastic8(String name, int httpPort, int transportPort) {
        List<String> command = java8(options.elasticHeap());
        command.addAll(List.of(
                ES8_MAIN,
                layout.serverFolder(ELASTIC_8, "es-home").toString(),
                dataDir(name).toString(),
                Integer.toString(httpPort),
                Integer.toString(transportPort)));
        return new ProcessSpec(name, command, new Readiness.LogMarker("ES_READY"), SERVER_START);
    }

    /**
     * A node of the project's own jars on an operator's data folder; its home (configuration, logs) is in the stack's
     * state folder, so nothing but the data is written to theirs.
     */
    ProcessSpec elasticOnFolder(FolderNode node, int transportPort) {
        return elasticOnFolder(node, transportPort, Map.of());
    }

    /** The same, with more node settings ({@code es.setting.<key>} properties, which the node mains read). */
    ProcessSpec elasticOnFolder(FolderNode node, int transportPort, Map<String, String> more) {
        boolean eight = node.release() == ElasticRelease.ES_8_15_3;
        List<String> command = eight
                ? java8(node.heap())
                : java(node.heap(), layout.serverClassPath(node.release().module()));
        List<String> settings = new ArrayList<>(List.of(
                "-Des.setting.path.data=" + node.dataFolder().toAbsolutePath(),
                "-Des.setting.cluster.name=" + node.clusterName(),
                "-Des.setting.node.name=" + node.nodeName()));
        if (node.release() == ElasticRelease.ES_5_6_16) {
            settings.add("-Dtransport.key=transport.tcp.port");
        }
        more.forEach((key, value) -> settings.add("-Des.setting." + key + "=" + value));
        command.addAll(1, settings);
        String http = Integer.toString(node.httpPort());
        String transport = Integer.toString(transportPort);
        String home = dataDir(node.name()).toString();
        command.addAll(
                eight
                        ? List.of(
                                ES8_MAIN,
                                layout.serverFolder(ELASTIC_8, "es-home").toString(),
                                home,
                                http,
                                transport)
                        : List.of(
                                node.release() == ElasticRelease.ES_7_17_18 ? ES717_MAIN : ES_MAIN,
                                home,
                                http,
                                transport));
        return new ProcessSpec(node.name(), command, new Readiness.LogMarker("ES_READY"), SERVER_START);
    }

    ProcessSpec elastic5() {
        List<String> command = java(options.elasticHeap(), layout.serverClassPath(ELASTIC_5));
        command.add(1, "-Dtransport.key=transport.tcp.port");
        command.addAll(List.of(
                ES_MAIN,
                dataDir(ELASTIC_5).toString(),
                Integer.toString(ports.elastic5()),
                Integer.toString(ports.elastic5Transport())));
        return new ProcessSpec(ELASTIC_5, command, new Readiness.LogMarker("ES_READY"), SERVER_START);
    }

    String markerProperty() {
        return markerProperty(stateDir);
    }

    /** The mark every process of the stack in {@code stateDir} carries, so that {@code down} stops only those. */
    static String markerProperty(Path stateDir) {
        return "-D" + LocalStack.MARKER_PROPERTY + "=" + stateDir;
    }

    private List<String> java(String heap, String classPath) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.add("-Xms" + minHeap(heap));
        command.add("-Xmx" + heap);
        command.add("-XX:+UseG1GC");
        command.add(markerProperty());
        command.add("-cp");
        command.add(classPath);
        return command;
    }

    /**
     * Elasticsearch 8.15's server expects to run as the named module its jar declares (its plugin service reads the
     * module's exports), so its jars go on the module path; only our launcher stays on the class path.
     */
    private List<String> java8(String heap) {
        List<String> command =
                java(heap, layout.serverFolder(ELASTIC_8, "classes").toString());
        command.addAll(
                command.indexOf("-cp"),
                List.of(
                        "--module-path",
                        layout.serverFolder(ELASTIC_8, "lib").toString(),
                        "--add-modules",
                        "ALL-MODULE-PATH"));
        return command;
    }

    private Path dataDir(String server) {
        try {
            return Files.createDirectories(stateDir.resolve("data").resolve(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String minHeap(String heap) {
        return heap.endsWith("g") || heap.endsWith("G") ? "256m" : heap;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
