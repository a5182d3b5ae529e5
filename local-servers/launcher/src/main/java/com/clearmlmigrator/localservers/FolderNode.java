package com.clearmlmigrator.localservers;

import java.nio.file.Path;

/**
 * An Elasticsearch node to run on an operator's data folder, as their server ran it: the folder as {@code path.data},
 * and the cluster and node names of their compose file.
 *
 * @param name          the process name, for its log and for stopping it
 * @param release       which of the project's nodes opens the folder
 * @param dataFolder    the folder the node keeps its data in
 * @param clusterName   {@code cluster.name}
 * @param nodeName      {@code node.name}
 * @param heap          the node's heap, such as {@code 1g}
 */
public record FolderNode(
        String name,
        ElasticRelease release,
        Path dataFolder,
        String clusterName,
        String nodeName,
        String heap,
        int httpPort) {

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }
}
