package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command lines of the five local servers and the three services. */
final class ServerRecipes {
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
    private static final Duration SERVICE_START = Duration.ofSeconds(120);
    private static final String ES_MAIN = "com.clearmlmigrator.localservers.elasticsearch.ElasticsearchNodeMain";
    private static final String ES8_MAIN = "com.clearmlmigrator.localservers.elasticsearch8.Elasticsearch8NodeMain";
    private static final String ES717_MAIN =
            "com.clearmlmigrator.localservers.elasticsearch717.Elasticsearch717NodeMain";
    /**
     * The planner coordinates: little work per migration, spread over many code paths. The optimizing compiler spent
     * more CPU compiling them than its code saved, CPU that Elasticsearch needs when it shares the host (es-copy
     * benchmark, four rounds: the planner used 1.5 / 1.0 / 0.7 / 0.6 CPU-s with the quick compiler only, 3.0 / 1.8 /
     * 1.4 / 1.4 with both). The Docker image sets the same.
     */
    private static final String PLANNER_QUICK_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";
    /**
     * How the services hold memory, so each stays within a few hundred megabytes of resident memory whatever it does: the
     * serial collector (the least footprint for heaps of a few hundred megabytes, and no slower than G1 on 2 cores for
     * these services), a heap that starts small, grows as needed and gives back what a peak took, and smaller thread
     * stacks and code cache. With G1 and the JVM's default initial heap (a 64th of the host's memory) the workers had
     * 500 MB resident after relinks and copies of plots. The Docker images set the same.
     */
    static final List<String> SERVICE_MEMORY_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m");

    private final RepoLayout layout;
    private final StackPorts ports;
    private final StackOptions options;
    private final Path stateDir;

    ServerRecipes(RepoLayout layout, StackPorts ports, StackOptions options, Path stateDir) {
        this.layout = layout;
        this.ports = ports;
        this.options = options;
        this.stateDir = stateDir;
    }

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

    /**
     * A Quarkus service; {@code instance} names the process so several copies of one worker can run. A supervised one
     * runs under {@link Supervisor}, which starts it again whenever it exits.
     */
    ProcessSpec service(String module, String instance, int httpPort, boolean supervised, List<String> extraFlags) {
        List<String> command = new ArrayList<>();
        if (supervised) {
            command.addAll(List.of(
                    javaBinary(),
                    // It only waits on its service: the least a JVM can be.
                    "-Xmx16m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    markerProperty(),
                    "-cp",
                    layout.launcherClassPath(),
                    Supervisor.class.getName(),
                    instance));
        }
        command.add(javaBinary());
        command.add("-Xmx" + options.serviceHeap());
        command.addAll(options.serviceJvmFlags());
        command.add(markerProperty());
        command.add("-Dquarkus.http.port=" + httpPort);
        // This host only, like the servers: a local stack's API may be open (no token), and nothing else needs it.
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dkafka.bootstrap.servers=" + ports.kafkaBootstrap());
        String ownDatabase = options.servicesMongo() != null ? options.servicesMongo() : ports.mongoUri();
        command.add("-Dquarkus.mongodb.connection-string=" + ownDatabase);
        if (options.trustedCaFile() != null) {
            command.add("-Dmigrator.tls.ca-file=" + options.trustedCaFile());
        }
        command.addAll(extraFlags);
        if (module.equals(LocalStack.PLANNER)) {
            command.add(PLANNER_QUICK_COMPILER_ONLY);
            command.add("-Dplanner.report-dir=" + stateDir.resolve("reports"));
        }
        command.add("-jar");
        command.add(layout.serviceJar(module).toString());
        Readiness ready = new Readiness.HttpOk(java.net.URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"));
        // The planner seals task credentials with this key and the workers open them; one key per stack.
        return new ProcessSpec(
                instance, command, Map.of("MIGRATOR_SECRET_KEY", StackSecretKey.in(stateDir)), ready, SERVICE_START);
    }

    String markerProperty() {
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
