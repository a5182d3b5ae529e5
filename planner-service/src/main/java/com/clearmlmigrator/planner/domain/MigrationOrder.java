package com.clearmlmigrator.planner.domain;

import java.util.Objects;
import java.util.Optional;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MongoEndpoint;

/**
 * A validated request to run a migration.
 *
 * @param kind    what to do
 * @param mongo   the ClearML MongoDB, or null when the migration does not touch MongoDB
 * @param elastic the ClearML Elasticsearch cluster, or null when the migration does not touch Elasticsearch
 */
public record MigrationOrder(MigrationKind kind, MongoEndpoint mongo, ElasticEndpoint elastic) {
    public MigrationOrder {
        Objects.requireNonNull(kind, "kind");
    }

    public Optional<MongoEndpoint> mongoEndpoint() {
        return Optional.ofNullable(mongo);
    }

    public Optional<ElasticEndpoint> elasticEndpoint() {
        return Optional.ofNullable(elastic);
    }
}
