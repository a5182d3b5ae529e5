package com.clearmlmigrator.planner.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.RequestRules;

/**
 * A pre-flight census: counts, versions, data shapes and URL fields of every ClearML collection and index.
 *
 * @param kind    {@code inspect}
 * @param mongo   the ClearML MongoDB; at least one of the two connections
 * @param elastic the ClearML Elasticsearch cluster
 */
@Schema(description = "Inspect: what a relink or a copy would meet. Give 'mongo', 'elastic' or both.")
public record InspectRequest(
        @Schema(required = true, enumeration = "inspect") String kind, MongoConnection mongo, ElasticConnection elastic)
        implements MigrationRequest {

    @Override
    public MigrationOrder toOrder() {
        return RequestRules.order(
                MigrationKind.INSPECT, MongoConnection.endpoint(mongo), ElasticConnection.endpoint("elastic", elastic));
    }
}
