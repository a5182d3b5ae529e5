package com.clearmlmigrator.planner.api;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MongoEndpoint;

/**
 * The optional body of {@code POST /migrations/{id}/undo} and {@code /retry}: the connections again, when the
 * migration used credentials.
 *
 * @param mongo   the ClearML MongoDB; left out to reuse the migration's when it had no password
 * @param elastic the ClearML Elasticsearch cluster; left out to reuse the migration's hosts
 * @param source  es-copy: the source cluster again
 * @param target  es-copy: the target cluster again
 */
public record ConnectionsRequest(
        MongoConnection mongo, ElasticConnection elastic, ElasticConnection source, ElasticConnection target) {
    /** No connections given: the migration's own are used. */
    public static final ConnectionsRequest NONE = new ConnectionsRequest(null, null, null, null);

    MongoEndpoint mongoEndpoint() {
        return MongoConnection.endpoint(mongo);
    }

    ElasticEndpoint elasticEndpoint() {
        return ElasticConnection.endpoint("elastic", elastic);
    }

    /** The cluster a retry writes: 'elastic' for a relink, 'target' for an es-copy. */
    ElasticEndpoint elasticOrTargetEndpoint() {
        return elastic != null ? elasticEndpoint() : ElasticConnection.endpoint("target", target);
    }

    ElasticEndpoint sourceEndpoint() {
        return ElasticConnection.endpoint("source", source);
    }
}
