package com.clearmlmigrator.localservers.elasticsearch717;

import java.nio.file.Files;
import java.nio.file.Path;
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

import com.clearmlmigrator.localservers.embedded.EmbeddedNode;

/**
 * Runs one Elasticsearch 7.17 node bound to loopback until the process is terminated.
 *
 * <p>Arguments: {@code <dataDir> <httpPort> <transportPort>}, as the 5 and 7 nodes take them. Every system property
 * {@code es.setting.<key>} sets {@code <key>} after these defaults: an upgrade opens an operator's folder with {@code
 * path.data} and the names their server gave its node. Prints {@code ES_READY} once the node is started and no shard
 * is still recovering; SIGTERM closes it cleanly.
 */
public final class Elasticsearch717NodeMain {

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
        Settings.Builder given = Settings.builder();
        // put, not loadFromMap: ES 8 parses a map through classes that need logging, which is not set up yet.
        EmbeddedNode.settings(data, data, "clearml-migrator-local-7-17", httpPort, args[2])
                .forEach(given::put);
        Settings settings = given.build();
        // The distribution's launcher sets logging up before the node exists; the node's classes need it to load.
        LogConfigurator.configureWithoutConfig(settings);
        Path config = Files.createDirectories(data.resolve("config"));
        Environment environment =
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> "node-1");
        Node node = new ModularNode(environment);
        node.start();
        EmbeddedNode.serveUntilTerminated(node, httpPort);
    }

    /** A node with the modules on the class path; the constructor that takes them is protected. */
    private static final class ModularNode extends Node {
        ModularNode(Environment environment) {
            super(environment, MODULES, true);
        }
    }
}
