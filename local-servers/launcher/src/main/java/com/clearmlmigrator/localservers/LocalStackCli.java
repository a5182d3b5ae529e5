package com.clearmlmigrator.localservers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/dev-stack}: {@code up} starts the servers and the services, {@code servers} only the servers, {@code down}
 * stops everything an earlier {@code up} or {@code servers} started. State (data, logs, PIDs) lives in {@code
 * DEV_STACK_HOME}, by default {@code .dev-stack} in the checkout.
 */
public final class LocalStackCli {
    private LocalStackCli() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        RepoLayout layout = RepoLayout.locate();
        Path stateDir = Path.of(env.getOrDefault(
                "DEV_STACK_HOME", layout.root().resolve(".dev-stack").toString()));
        String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "up" -> start(layout, env, stateDir, true);
                case "servers" -> start(layout, env, stateDir, false);
                case "down" -> down(stateDir);
                default -> usage();
            }
        } catch (RuntimeException e) {
            System.err.println("dev-stack " + command + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void start(RepoLayout layout, Map<String, String> env, Path stateDir, boolean withServices) {
        // A running stack keeps its processes and their pid files: a second start of those would fail on their ports
        // and leave them running with no record for 'down' to stop. Only what it lacks is started (Kafka that ended,
        // a service stopped by hand), with the same environment's ports.
        List<String> strays = LocalStack.stopStrays(stateDir);
        if (!strays.isEmpty()) {
            System.out.println("Stopped what ran with no record, holding its port (its supervisor was killed): "
                    + String.join(", ", strays));
        }
        List<String> running = LocalStack.recordedAlive(stateDir);
        List<String> missing = LocalStack.missing(running, withServices);
        if (!running.isEmpty()) {
            System.out.println("The dev stack in " + stateDir + " is already running (" + String.join(", ", running)
                    + (missing.isEmpty()
                            ? "); using it as it is."
                            : "); starting what it lacks: " + String.join(", ", missing) + ".")
                    + " Stop it with: bin/dev-stack down");
            if (missing.isEmpty()) {
                return;
            }
        }
        StackPorts ports = StackPorts.fromEnvironment(env);
        LocalStack stack = new LocalStack(layout, ports, StackOptions.fromEnvironment(env), stateDir);
        try {
            stack.startServers(
                    missing.stream().filter(LocalStack.SERVERS::contains).toList());
            printServers(ports);
            if (withServices) {
                stack.startServices(
                        missing.stream().filter(LocalStack.SERVICES::contains).toList());
                System.out.printf(
                        "planner-service %s | mongo-worker :%d | elastic-worker :%d%n",
                        ports.plannerUrl(), ports.mongoWorker(), ports.elasticWorker());
            }
            System.out.println("Logs: " + stateDir.resolve("logs") + "   Stop with: bin/dev-stack down");
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static void printServers(StackPorts ports) {
        System.out.printf(
                "Kafka %s | MongoDB %s | Elasticsearch 7 %s | Elasticsearch 5.6 %s%n",
                ports.kafkaBootstrap(), ports.mongoUri(), ports.elastic7Url(), ports.elastic5Url());
        // A development server's credentials, as MinIO prints minioadmin's.
        System.out.printf(
                "S3 %s (AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s)%n",
                ports.s3Url(), LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY);
    }

    private static void down(Path stateDir) {
        List<String> stopped = LocalStack.stopRecorded(stateDir);
        System.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped " + String.join(", ", stopped));
    }

    private static void usage() {
        System.out.println("usage: bin/dev-stack up|servers|down");
    }
}
