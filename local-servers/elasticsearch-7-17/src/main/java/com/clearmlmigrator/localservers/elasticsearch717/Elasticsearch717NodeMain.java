package com.clearmlmigrator.localservers.elasticsearch717;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.mapper.MapperExtrasPlugin;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.reindex.ReindexPlugin;
import org.elasticsearch.script.mustache.MustachePlugin;
import org.elasticsearch.transport.Netty4Plugin;

/**
 * Runs one Elasticsearch 7.17 node bound to loopback until the process is terminated.
 *
 * <p>Arguments: {@code <dataDir> <httpPort> <transportPort>}, as the 5 and 7 nodes take them. Every system property
 * {@code es.setting.<key>} sets {@code <key>} after these defaults: an upgrade opens an operator's folder with {@code
 * path.data} and the names their server gave its node. Prints {@code ES_READY} once the node is started and no shard
 * is still recovering; SIGTERM closes it cleanly.
 */
public final class Elasticsearch717NodeMain {
    public static final String READY_MARKER = "ES_READY";
    private static final String SETTING_PROPERTY = "es.setting.";

    /**
     * The distribution's modules that Central publishes. Without them the node opens no HTTP port (netty), reindexes
     * nothing, and refuses indices whose mappings use the extra field types (scaled_float, token_count...).
     */
    private static final List<Class<? extends Plugin>> MODULES =
            List.of(Netty4Plugin.class, ReindexPlugin.class, MustachePlugin.class, MapperExtrasPlugin.class);

    private Elasticsearch717NodeMain() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String httpPort = args[1];
        Settings.Builder given = Settings.builder()
                .put("path.home", data.toString())
                .put("path.data", data.resolve("data").toString())
                .put("path.logs", data.resolve("logs").toString())
                .put("cluster.name", "clearml-migrator-local-7-17")
                .put("node.name", "node-1")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", args[2])
                .put("discovery.type", "single-node")
                // A developer's nearly full disk must not turn every index read-only mid-test.
                .put("cluster.routing.allocation.disk.threshold_enabled", "false");
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(SETTING_PROPERTY))
                .forEach(name -> given.put(name.substring(SETTING_PROPERTY.length()), System.getProperty(name)));
        Settings settings = given.build();
        // The distribution's launcher sets logging up before the node exists; the node's classes need it to load.
        LogConfigurator.configureWithoutConfig(settings);
        Path config = Files.createDirectories(data.resolve("config"));
        Environment environment =
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> "node-1");
        Node node = new ModularNode(environment);
        node.start();
        awaitRecovered(httpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node)));
        System.out.println(READY_MARKER + " http://127.0.0.1:" + httpPort);
        Thread.currentThread().join();
    }

    /**
     * A started node may still be recovering the indices of the folder it opened: ready means their primaries are
     * assigned, as the other nodes wait for.
     */
    private static void awaitRecovered(String httpPort) throws IOException, InterruptedException {
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

    /** A node with the modules on the class path; the constructor that takes them is protected. */
    private static final class ModularNode extends Node {
        ModularNode(Environment environment) {
            super(environment, MODULES, true);
        }
    }
}
