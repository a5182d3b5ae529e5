package com.clearmlmigrator.planner.migration;

import java.util.Objects;
import java.util.Optional;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkSpec;

/**
 * A validated request to run a migration.
 *
 * @param kind    what to do
 * @param mongo   the ClearML MongoDB, or null when the migration does not touch MongoDB
 * @param elastic the ClearML Elasticsearch cluster, or null when the migration does not touch Elasticsearch
 * @param relink  what a relink rewrites; null for other kinds
 * @param copy    what an es-copy copies, and from where ({@code elastic} is its target); null for other kinds
 */
public record MigrationOrder(
        MigrationKind kind, MongoEndpoint mongo, ElasticEndpoint elastic, RelinkSpec relink, CopyOrder copy) {
    public MigrationOrder {
        Objects.requireNonNull(kind, "kind");
        if ((kind == MigrationKind.RELINK || kind == MigrationKind.UNDO) && relink == null) {
            throw new IllegalArgumentException("a relink order needs its relink spec");
        }
        if (kind == MigrationKind.ES_COPY && (copy == null || elastic == null)) {
            throw new IllegalArgumentException("an es-copy order needs its source and target");
        }
    }

    public MigrationOrder(MigrationKind kind, MongoEndpoint mongo, ElasticEndpoint elastic, RelinkSpec relink) {
        this(kind, mongo, elastic, relink, null);
    }

    public MigrationOrder(MigrationKind kind, MongoEndpoint mongo, ElasticEndpoint elastic) {
        this(kind, mongo, elastic, null, null);
    }

    /** The source cluster of an es-copy, or null. */
    public ElasticEndpoint copySource() {
        return copy == null ? null : copy.source();
    }

    public Optional<MongoEndpoint> mongoEndpoint() {
        return Optional.ofNullable(mongo);
    }

    public Optional<ElasticEndpoint> elasticEndpoint() {
        return Optional.ofNullable(elastic);
    }
}
