package com.clearmlmigrator.localservers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command lines of the three services: Quarkus fast-jars, each under a {@link Supervisor} when asked.
 *
 * @param stateDir the stack's state folder, which every process of the stack is marked with
 */
record ServiceRecipes(RepoLayout layout, StackPorts ports, StackOptions options, Path stateDir) {
    private static final Duration SERVICE_START = Duration.ofSeconds(120);

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
    static final List<String> MEMORY_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m");

    /**
     * A Quarkus service; {@code instance} names the process so several copies of one worker can run. A supervised one
     * runs under {@link Supervisor}, which starts it again whenever it exits.
     */
    ProcessSpec service(String module, String instance, int httpPort, boolean supervised, List<String> extraFlags) {
        List<String> command = new ArrayList<>();
        if (supervised) {
            command.addAll(List.of(
                    ServerRecipes.javaBinary(),
                    // It only waits on its service: the least a JVM can be.
                    "-Xmx16m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    ServerRecipes.markerProperty(stateDir),
                    "-cp",
                    layout.launcherClassPath(),
                    Supervisor.class.getName(),
                    instance));
        }
        command.add(ServerRecipes.javaBinary());
        command.add("-Xmx" + options.serviceHeap());
        command.addAll(options.serviceJvmFlags());
        command.add(ServerRecipes.markerProperty(stateDir));
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
}
