package com.clearmlmigrator.planner.api;

/**
 * The optional body of {@code POST /migrations/{id}/undo}: the connections again, when the relink used credentials.
 *
 * @param mongo   the ClearML MongoDB; left out to reuse the relink's when it had no password
 * @param elastic the ClearML Elasticsearch cluster; left out to reuse the relink's hosts
 */
public record UndoRequest(MigrationRequest.MongoConnection mongo, MigrationRequest.ElasticConnection elastic) {}
