package com.clearmlmigrator.localservers.elasticsearch8;

import java.nio.file.Files;
import java.nio.file.Path;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.Node;

import com.clearmlmigrator.localservers.embedded.EmbeddedNode;

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

    private Elasticsearch8NodeMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path data = Path.of(args[1]);
        String httpPort = args[2];
        Settings.Builder given = Settings.builder();
        // put, not loadFromMap: ES 8 parses a map through classes that need logging, which is not set up yet.
        EmbeddedNode.settings(home, data, "clearml-migrator-local-8", httpPort, args[3])
                .forEach(given::put);
        Settings settings = given.build();
        // The distribution's launcher sets logging up before the node exists; the node's classes need it to load.
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = new Environment(settings, Files.createDirectories(data.resolve("config")));
        Node node = new Node(environment);
        RootEndpoint.register(node);
        node.start();
        EmbeddedNode.serveUntilTerminated(node, httpPort);
    }
}
