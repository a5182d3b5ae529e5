package com.clearmlmigrator.localservers.elasticsearch8;

import org.elasticsearch.Build;
import org.elasticsearch.cluster.ClusterState;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.node.Node;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;
import org.elasticsearch.xcontent.json.JsonXContent;

/**
 * {@code GET /}: the node's name, cluster and version, as the distribution's {@code rest-root} module answers it. That
 * module is not on Maven Central, and clients (ours included) read the server's version there first.
 */
final class RootEndpoint {
    private RootEndpoint() {}

    static void register(Node node) {
        ClusterService cluster = node.injector().getInstance(ClusterService.class);
        RestHandler root = (request, channel, client) ->
                channel.sendResponse(new RestResponse(RestStatus.OK, describe(node, cluster.state())));
        node.injector()
                .getInstance(RestController.class)
                .registerHandler(new RestHandler.Route(RestRequest.Method.GET, "/"), root);
    }

    private static XContentBuilder describe(Node node, ClusterState state) throws java.io.IOException {
        Build build = Build.current();
        XContentBuilder body = JsonXContent.contentBuilder().startObject();
        body.field("name", Node.NODE_NAME_SETTING.get(node.settings()));
        body.field("cluster_name", state.getClusterName().value());
        body.field("cluster_uuid", state.metadata().clusterUUID());
        body.startObject("version")
                .field("number", build.version())
                .field("build_flavor", build.flavor())
                .field("build_type", build.type().displayName())
                .field("build_hash", build.hash())
                .field("build_date", build.date())
                .field("build_snapshot", build.isSnapshot())
                .field("lucene_version", org.apache.lucene.util.Version.LATEST.toString())
                .endObject();
        return body.field("tagline", "You Know, for Search").endObject();
    }
}
