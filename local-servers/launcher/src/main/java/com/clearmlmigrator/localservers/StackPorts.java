package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** Loopback ports of every local server and service. */
public record StackPorts(
        int kafka,
        int kafkaController,
        int mongo,
        int elastic7,
        int elastic7Transport,
        int elastic5,
        int elastic5Transport,
        int planner,
        int mongoWorker,
        int elasticWorker) {

    /** The documented defaults, each overridable by an environment variable such as {@code KAFKA_PORT}. */
    public static StackPorts fromEnvironment(Map<String, String> env) {
        return new StackPorts(
                port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "MONGO_PORT", 27017),
                port(env, "ES7_PORT", 9200),
                port(env, "ES7_TRANSPORT_PORT", 9300),
                port(env, "ES5_PORT", 9205),
                port(env, "ES5_TRANSPORT_PORT", 9305),
                port(env, "PLANNER_PORT", 8080),
                port(env, "MONGO_WORKER_PORT", 8091),
                port(env, "ELASTIC_WORKER_PORT", 8092));
    }

    /** Free ports chosen by the operating system, so tests never collide with a running stack. */
    public static StackPorts free() {
        return new StackPorts(
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort());
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafka;
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongo;
    }

    public String elastic7Url() {
        return "http://127.0.0.1:" + elastic7;
    }

    public String elastic5Url() {
        return "http://127.0.0.1:" + elastic5;
    }

    public String plannerUrl() {
        return "http://127.0.0.1:" + planner;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }
}
