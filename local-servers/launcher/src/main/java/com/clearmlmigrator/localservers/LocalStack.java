package com.clearmlmigrator.localservers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The local servers (Kafka, MongoDB wire server, Elasticsearch 7.10.2 and 5.6.16, an S3 server) and the three services, each a
 * process of its own on loopback. Used by {@code bin/dev-stack} and by the end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {
    /** System property on every process's command line; {@code down} stops only processes that carry it. */
    public static final String MARKER_PROPERTY = "clearml-migrator.stack";

    public static final String PLANNER = "planner-service";
    public static final String MONGO_WORKER = "mongo-worker";
    public static final String ELASTIC_WORKER = "elastic-worker";
    /** The servers of {@code bin/dev-stack servers}, by process name. */
    public static final List<String> SERVERS = ServerRecipes.SERVERS;
    /**
     * The local S3 server's credentials: a development server on loopback, as MinIO's are {@code minioadmin}. Clients
     * read them as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
     */
    public static final String S3_ACCESS_KEY = "clearml-migrator";

    public static final String S3_SECRET_KEY = "clearml-migrator-local";
    /** The services {@code bin/dev-stack up} adds to them. */
    public static final List<String> SERVICES = List.of(PLANNER, MONGO_WORKER, ELASTIC_WORKER);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final StackPorts ports;
    private final StackOptions options;
    private final Path stateDir;
    private final ServerRecipes recipes;
    private final ServiceRecipes serviceRecipes;
    private final List<ManagedProcess> started = Collections.synchronizedList(new ArrayList<>());
    /** The started processes that are services, which stop before the servers they use. */
    private final Set<ManagedProcess> services = ConcurrentHashMap.newKeySet();

    public LocalStack(RepoLayout layout, StackPorts ports, StackOptions options, Path stateDir) {
        this.ports = ports;
        this.options = options;
        this.stateDir = stateDir.toAbsolutePath();
        this.recipes = new ServerRecipes(layout, ports, options, this.stateDir);
        this.serviceRecipes = new ServiceRecipes(layout, ports, options, this.stateDir);
    }

    public StackPorts ports() {
        return ports;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Starts the five servers in parallel and returns when all are ready. */
    public void startServers() {
        startServers(SERVERS);
    }

    /** Starts these of the {@link #SERVERS} in parallel (the others already run) and returns when they are ready. */
    public void startServers(Collection<String> names) {
        Map<String, Supplier<ProcessSpec>> servers = Map.of(
                ServerRecipes.KAFKA, recipes::kafka,
                ServerRecipes.MONGO, recipes::mongo,
                ServerRecipes.ELASTIC_7, recipes::elastic7,
                ServerRecipes.ELASTIC_5, recipes::elastic5,
                ServerRecipes.S3, recipes::s3);
        awaitAll(names.stream().map(name -> servers.get(name).get()));
    }

    /**
     * Starts only the servers the migrator itself needs, Kafka and its state store, in parallel: the stores to migrate
     * are the user's.
     */
    public void startMigratorServers() {
        awaitAll(Stream.of(recipes.kafka(), recipes.mongo()));
    }

    /**
     * Starts the planner and one copy of each worker and returns when all are ready; under a {@link Supervisor} each
     * when the options say so.
     */
    public void startServices() {
        startServices(SERVICES);
    }

    /** Starts these of the {@link #SERVICES} as {@link #startServices()} does; the others already run. */
    public void startServices(Collection<String> names) {
        Map<String, Integer> httpPorts = Map.of(
                PLANNER, ports.planner(), MONGO_WORKER, ports.mongoWorker(), ELASTIC_WORKER, ports.elasticWorker());
        services.addAll(awaitAll(names.stream()
                .map(name ->
                        serviceRecipes.service(name, name, httpPorts.get(name), options.supervised(), List.of()))));
    }

    /**
     * What of the dev stack is not running, servers first: all of it for a stack never started, the server that ended
     * or the service stopped by hand in one that runs.
     */
    public static List<String> missing(Collection<String> running, boolean withServices) {
        return Stream.concat(SERVERS.stream(), withServices ? SERVICES.stream() : Stream.empty())
                .filter(name -> !running.contains(name))
                .toList();
    }

    /** Starts one more copy of a service under its own name and port, for scaling and fault tests. */
    public ManagedProcess startService(String module, String instance, int httpPort) {
        return startService(module, instance, httpPort, false, List.of());
    }

    /**
     * Starts one more copy of a service under its own name and port, with more JVM flags ({@code -Dname=value}
     * settings), under a {@link Supervisor} if asked.
     */
    public ManagedProcess startService(
            String module, String instance, int httpPort, boolean supervised, List<String> flags) {
        ManagedProcess service = startAndAwait(serviceRecipes.service(module, instance, httpPort, supervised, flags));
        services.add(service);
        return service;
    }

    /**
     * Starts another Elasticsearch 7.10.2 cluster under its own name and ports, beside the stack's, and returns once it
     * is ready: a second cluster to copy to, as when moving to a new cluster of the same version.
     */
    public ManagedProcess startAnotherElastic7(String name, int httpPort, int transportPort) {
        return startAndAwait(recipes.anotherElastic7(name, httpPort, transportPort));
    }

    /**
     * Starts another MongoDB wire server under its own name and port, beside the stack's: on H2 files, as {@code
     * bin/dev-stack} runs it, or in memory.
     */
    public ManagedProcess startAnotherMongo(String name, int port, boolean onH2) {
        return startAndAwait(recipes.mongo(name, port, onH2));
    }

    /**
     * Starts an Elasticsearch 8.15 cluster under its own name and ports, beside the stack's, and returns once it is
     * ready: a cluster to copy to or from, or to relink on, as ClearML servers from 1.17 use.
     */
    public ManagedProcess startElastic8(String name, int httpPort, int transportPort) {
        return startAndAwait(recipes.elastic8(name, httpPort, transportPort));
    }

    /** Several Elasticsearch 8.15 clusters at once, each as {@link #startElastic8} starts it; returns once all are ready. */
    public void startElastic8(List<NodeAddress> nodes) {
        awaitAll(nodes.stream().map(node -> recipes.elastic8(node.name(), node.httpPort(), node.transportPort())));
    }

    /**
     * Starts a node on an operator's data folder and returns once it is ready; {@link #stop(String, Duration)} stops it
     * with time to flush what a large folder holds.
     */
    public ManagedProcess startElasticOnFolder(FolderNode node) {
        return startAndAwait(recipes.elasticOnFolder(node, StackPorts.freePort()));
    }

    /**
     * Launches a node on a data folder with more node settings and returns at once, before it is ready: to meet a
     * cluster in the moments after its start (one that waits for more nodes to recover its state, say).
     */
    public ManagedProcess launchElasticOnFolder(FolderNode node, Map<String, String> settings) {
        ManagedProcess process =
                ManagedProcess.start(recipes.elasticOnFolder(node, StackPorts.freePort(), settings), stateDir);
        started.add(process);
        return process;
    }

    /** Several nodes on data folders at once, each as {@link #startElasticOnFolder} starts it. */
    public void startElasticOnFolders(List<FolderNode> nodes) {
        awaitAll(nodes.stream().map(node -> recipes.elasticOnFolder(node, StackPorts.freePort())));
    }

    /** A node to start: its process name and ports. */
    public record NodeAddress(String name, int httpPort, int transportPort) {}

    /** Starts one process, counts it among those this stack stops, and returns once it is ready. */
    private ManagedProcess startAndAwait(ProcessSpec spec) {
        ManagedProcess process = ManagedProcess.start(spec, stateDir);
        started.add(process);
        return process.awaitReady();
    }

    /** Stops a started process (SIGTERM, then SIGKILL after the grace period). */
    public void stop(String name) {
        stop(name, STOP_GRACE);
    }

    /** Stops a started process: SIGTERM, then SIGKILL if it has not ended within {@code grace}. */
    public void stop(String name, Duration grace) {
        ManagedProcess process = process(name);
        process.stop(grace);
        started.remove(process);
        services.remove(process);
    }

    /** Stops several started processes at once, as {@link #stop(String, Duration)} stops each. */
    public void stop(List<String> names, Duration grace) {
        AllAtOnce.run(names, name -> stop(name, grace));
    }

    /**
     * Stops the Kafka broker (as a restart does: SIGTERM, then SIGKILL after the grace period), waits {@code down}, and
     * starts it again on the same ports and data; returns once it is ready. For fault tests.
     */
    public ManagedProcess restartKafka(Duration down) throws InterruptedException {
        return restart(recipes.kafka(), down);
    }

    /**
     * Stops Elasticsearch 7 and starts it again on the same ports and data; returns once it is ready. For benchmarks, so
     * that each side's first round meets a freshly started server, as an operator's does after a maintenance restart.
     */
    public ManagedProcess restartElastic7() throws InterruptedException {
        return restart(recipes.elastic7(), Duration.ZERO);
    }

    /** As {@link #restartElastic7()}, for Elasticsearch 5.6. */
    public ManagedProcess restartElastic5() throws InterruptedException {
        return restart(recipes.elastic5(), Duration.ZERO);
    }

    private ManagedProcess restart(ProcessSpec spec, Duration down) throws InterruptedException {
        ManagedProcess running = process(spec.name());
        running.stop(STOP_GRACE);
        started.remove(running);
        Thread.sleep(down.toMillis());
        return startAndAwait(spec);
    }

    /** The started process of that name; the last one started, when a test killed one and started it again. */
    public ManagedProcess process(String name) {
        synchronized (started) {
            return started.stream()
                    .filter(p -> p.name().equals(name))
                    .reduce((earlier, later) -> later)
                    .orElseThrow(() -> new IllegalArgumentException("no process named " + name));
        }
    }

    /** The CPU time each running process of the stack has used so far, by name; those the system does not say are left out. */
    public Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        synchronized (started) {
            for (ManagedProcess process : started) {
                process.cpuTime().ifPresent(time -> times.put(process.name(), time));
            }
        }
        return times;
    }

    /** Stops every process this stack started, services first. */
    @Override
    public void close() {
        List<ManagedProcess> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        // Together, not one after another: each takes seconds to flush and leave, and a stack has a dozen.
        AllAtOnce.run(toStop.stream().filter(services::contains).toList(), p -> p.stop(STOP_GRACE));
        AllAtOnce.run(toStop.stream().filter(p -> !services.contains(p)).toList(), p -> p.stop(STOP_GRACE));
        services.clear();
    }

    /** The names of the processes an earlier {@code up} or {@code servers} recorded in {@code stateDir} that still run. */
    public static List<String> recordedAlive(Path stateDir) {
        return RecordedProcesses.alive(stateDir);
    }

    /** Stops what an earlier invocation recorded in {@code stateDir}, services first; returns what it stopped. */
    public static List<String> stopRecorded(Path stateDir) {
        return RecordedProcesses.stop(stateDir, STOP_GRACE);
    }

    /**
     * Stops the processes of the stack in {@code stateDir} that no PID file records (a service whose supervisor was
     * killed); returns what it stopped.
     */
    public static List<String> stopStrays(Path stateDir) {
        return RecordedProcesses.stopStrays(stateDir, STOP_GRACE);
    }

    private List<ManagedProcess> awaitAll(Stream<ProcessSpec> specs) {
        List<ManagedProcess> processes =
                specs.map(spec -> ManagedProcess.start(spec, stateDir)).toList();
        started.addAll(processes);
        AllAtOnce.run(processes, ManagedProcess::awaitReady);
        return processes;
    }
}
