package com.clearmlmigrator.planner.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.planner.migration.RequestRules;

/**
 * An Elasticsearch cluster as a request names it.
 *
 * @param hosts    node URLs of one cluster
 * @param username basic-auth user, optional
 * @param password basic-auth password, optional; never echoed back
 */
public record ElasticConnection(
        @Schema(required = true, examples = "[\"http://elasticsearch:9200\"]")
        List<String> hosts,

        String username,
        @Schema(writeOnly = true) String password) {

    /**
     * The endpoint, checked; null when the request left the connection out.
     *
     * @param field the request field that gave it ({@code elastic}, {@code source}, {@code target}), for messages
     */
    static ElasticEndpoint endpoint(String field, ElasticConnection elastic) {
        return elastic == null
                ? null
                : RequestRules.elastic(field, elastic.hosts(), elastic.username(), elastic.password());
    }
}
