package com.clearmlmigrator.localservers.elasticsearch8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.Node;

/**
 * Runs one Elasticsearch 8 node bound to loopback until the process is terminated, security off as in the
 * {@code xpack.security.enabled=false} images.
 *
 * <p>Arguments: {@code <home> <dataDir> <httpPort> <transportPort>}. {@code home} holds the node's modules (built into
 * {@code target/es-home}); data and logs go to {@code dataDir}. Every system property {@code es.setting.<key>} sets
 * {@code <key>} after these defaults: an upgrade writes the operator's new folder with {@code path.data} and the names
 * their server gives its node. Prints {@code ES_READY} once the node is started;
 * SIGTERM closes it cleanly.
 */
public final class Elasticsearch8NodeMain {
    public static final String READY_MARKER = "ES_READY";
    private static final String SETTING_PROPERTY = "es.setting.";

    private Elasticsearch8NodeMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path data = Path.of(args[1]);
        String httpPort = args[2];
        Settings.Builder given = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", data.resolve("data").toString())
                .put("path.logs", data.resolve("logs").toString())
                .put("cluster.name", "clearml-migrator-local-8")
                .put("node.name", "node-1")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", args[3])
                .put("discovery.type", "single-node")
                // A developer's nearly full disk must not turn every index read-only mid-test.
                .put("cluster.routing.allocation.disk.threshold_enabled", "false");
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(SETTING_PROPERTY))
                .forEach(name -> given.put(name.substring(SETTING_PROPERTY.length()), System.getProperty(name)));
        Settings settings = given.build();
        // The distribution's launcher sets logging up before the node exists; the node's classes need it to load.
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = new Environment(settings, Files.createDirectories(data.resolve("config")));
        Node node = new Node(environment);
        RootEndpoint.register(node);
        node.start();
        awaitYellow(httpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node)));
        System.out.println(READY_MARKER + " http://127.0.0.1:" + httpPort);
        Thread.currentThread().join();
    }

    /**
     * A started node may still be recovering the indices of the folder it opened: ready means their primaries are
     * assigned, as the 5 and 7 nodes' runner waits for too.
     */
    private static void awaitYellow(String httpPort) throws IOException, InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + httpPort + "/_cluster/health?wait_for_status=yellow&timeout=120s"))
                .timeout(Duration.ofMinutes(3))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The node did not become yellow: " + answer.body());
        }
    }

    private static void close(Node node) {
        try {
            node.close();
        } catch (Exception e) {
            System.err.println("Elasticsearch did not close cleanly: " + e);
        }
    }
}
