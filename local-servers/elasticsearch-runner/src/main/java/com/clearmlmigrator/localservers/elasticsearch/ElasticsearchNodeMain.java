package com.clearmlmigrator.localservers.elasticsearch;

import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;

/**
 * Runs one Elasticsearch node bound to loopback until the process is terminated.
 *
 * <p>Arguments: {@code <dataDir> <httpPort> <transportPort> [reindexRemoteWhitelist]}. The system property {@code
 * transport.key} names the transport port setting, which ES 5 calls {@code transport.tcp.port}. Every system property
 * {@code es.setting.<key>} sets {@code <key>}, after the defaults here: an upgrade opens an operator's data folder with
 * {@code path.data}, {@code cluster.name} and {@code node.name} as their server had them. Prints {@code ES_READY} once
 * the cluster is yellow; SIGTERM closes the node cleanly.
 */
public final class ElasticsearchNodeMain {
    public static final String READY_MARKER = "ES_READY";

    private ElasticsearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int httpPort = Integer.parseInt(args[1]);
        String transportPort = args[2];
        String remoteWhitelist = args.length > 3 ? args[3] : null;
        ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
        // The runner refuses HTTP ports above 9299 unless told otherwise ("The http port ... is unavailable").
        runner.setMaxHttpPort(httpPort);
        runner.onBuild((number, settings) -> {
                    settings.put("network.host", "127.0.0.1");
                    settings.put("http.port", String.valueOf(httpPort));
                    settings.put(System.getProperty("transport.key", "transport.port"), transportPort);
                    settings.put("discovery.type", "single-node");
                    // A developer's nearly full disk must not turn every index read-only mid-test.
                    settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
                    if (remoteWhitelist != null) {
                        settings.put("reindex.remote.whitelist", remoteWhitelist);
                    }
                    // The runner only fills what is absent, so these win over its own paths and names.
                    NodeSettings.given().forEach(settings::put);
                })
                .build(newConfigs()
                        .basePath(dataDir)
                        .numOfNode(1)
                        .baseHttpPort(httpPort - 1)
                        .clusterName("clearml-migrator-local")
                        .printOnFailure());
        runner.ensureYellow();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(runner)));
        System.out.println(READY_MARKER + " http://127.0.0.1:" + httpPort);
        Thread.currentThread().join();
    }

    private static void close(ElasticsearchClusterRunner runner) {
        try {
            runner.close();
        } catch (Exception e) {
            System.err.println("Elasticsearch did not close cleanly: " + e);
        }
    }
}
