package com.clearmlmigrator.localservers.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the mains of the Elasticsearch nodes embedded from Central's jars (7.17, 8) share, in plain Java so that one
 * source serves every release: the settings given as system properties, and the life of the process around the node.
 * Compiled into each of those modules (build-helper), as elasticsearch-runner's source is into the runner's.
 */
public final class EmbeddedNode {
    public static final String READY_MARKER = "ES_READY";
    private static final String SETTING_PROPERTY = "es.setting.";

    private EmbeddedNode() {}

    /**
     * A single node on loopback with its data and logs under {@code data}, then every setting given as a system
     * property, which wins: an upgrade opens an operator's folder with {@code path.data} and their node's names.
     */
    public static Map<String, String> settings(
            Path home, Path data, String clusterName, String httpPort, String transportPort) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("path.home", home.toString());
        settings.put("path.data", data.resolve("data").toString());
        settings.put("path.logs", data.resolve("logs").toString());
        settings.put("cluster.name", clusterName);
        settings.put("node.name", "node-1");
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", httpPort);
        settings.put("transport.port", transportPort);
        settings.put("discovery.type", "single-node");
        // A developer's nearly full disk must not turn every index read-only mid-test.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        settings.putAll(givenSettings());
        return settings;
    }

    /** Every system property {@code es.setting.<key>=<value>} as {@code <key>}. */
    static Map<String, String> givenSettings() {
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(SETTING_PROPERTY))
                .forEach(name -> settings.put(name.substring(SETTING_PROPERTY.length()), System.getProperty(name)));
        return settings;
    }

    /**
     * Once the started node has recovered the indices of the folder it opened (their primaries assigned, as the runner's
     * nodes wait for too), or after 120 s of it, says {@link #READY_MARKER} and keeps the process until it is
     * terminated; SIGTERM closes the node cleanly.
     */
    public static void serveUntilTerminated(AutoCloseable node, String httpPort) throws IOException, InterruptedException {
        awaitYellow(httpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node)));
        System.out.println(READY_MARKER + " http://127.0.0.1:" + httpPort);
        Thread.currentThread().join();
    }

    /** What {@code _cluster/health?wait_for_status} answers when its timeout passes first. */
    private static final int HTTP_TIMEOUT = 408;

    private static void awaitYellow(String httpPort) throws IOException, InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + httpPort + "/_cluster/health?wait_for_status=yellow&timeout=120s"))
                .timeout(Duration.ofMinutes(3))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == HTTP_TIMEOUT) {
            // Still opening a large folder's shards: the node serves, and whoever uses it waits for the indices it
            // needs (upgrade-elastic says how far the node is), as the 5.6 and 7.6 runners' nodes leave it to them.
            System.err.println(
                    "The node is not yellow after 120 s; it answers while it opens the rest: " + answer.body());
            return;
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The node did not become yellow: " + answer.body());
        }
    }

    private static void close(AutoCloseable node) {
        try {
            node.close();
        } catch (Exception e) {
            System.err.println("Elasticsearch did not close cleanly: " + e);
        }
    }
}
