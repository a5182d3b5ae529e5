package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback ports of every local server and service. */
public record StackPorts(
        int kafka,
        int kafkaController,
        int mongo,
        int elastic7,
        int elastic7Transport,
        int elastic5,
        int elastic5Transport,
        int s3,
        int planner,
        int mongoWorker,
        int elasticWorker) {
    private static final int FIRST_TEST_PORT = 20_000;
    private static final int LAST_TEST_PORT = 32_000;
    private static final Random RANDOM = new SecureRandom();
    /**
     * Every port this JVM has drawn: a port is free again once its test socket closes, but the server it is for may
     * not have bound it yet, and test classes that run side by side draw ports at the same time.
     */
    private static final Set<Integer> DRAWN = ConcurrentHashMap.newKeySet();

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
                port(env, "S3_PORT", 9000),
                port(env, "PLANNER_PORT", 8080),
                port(env, "MONGO_WORKER_PORT", 8091),
                port(env, "ELASTIC_WORKER_PORT", 8092));
    }

    /**
     * Distinct free ports for tests, so they never collide with a running stack. They are drawn below the kernel's
     * ephemeral range (32768 and up on Linux): a port from that range can be taken as the local end of an outgoing
     * connection by another server starting at the same moment, which made Elasticsearch fail to bind.
     */
    public static StackPorts free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            while (held.size() < 11) {
                tryDraw().ifPresent(held::add);
            }
            int[] p = held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new StackPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]);
        } finally {
            held.forEach(StackPorts::closeQuietly);
        }
    }

    /** One free port drawn as {@link #free()} draws them. */
    public static int freePort() {
        while (true) {
            Optional<ServerSocket> socket = tryDraw();
            if (socket.isPresent()) {
                closeQuietly(socket.get());
                return socket.get().getLocalPort();
            }
        }
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

    public String s3Url() {
        return "http://127.0.0.1:" + s3;
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

    /** A random port of the test range that this JVM has not drawn before, held by a socket if it is free. */
    private static Optional<ServerSocket> tryDraw() {
        int port = FIRST_TEST_PORT + RANDOM.nextInt(LAST_TEST_PORT - FIRST_TEST_PORT);
        return DRAWN.add(port) ? tryBind(port) : Optional.empty();
    }

    private static Optional<ServerSocket> tryBind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return Optional.of(socket);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket we only held to reserve its port.
        }
    }
}
