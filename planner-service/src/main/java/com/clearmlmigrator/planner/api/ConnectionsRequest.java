package com.clearmlmigrator.planner.api;

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
}
