package com.clearmlmigrator.planner.migration;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.RelinkSpec;

/**
 * A migration as the planner keeps it. Holds no credential: connections are kept as {@link Targets}.
 *
 * @param id        random id, 32 hex characters
 * @param kind      what it does
 * @param status    where it is in its life cycle
 * @param targets   which stores it reads or writes, without credentials
 * @param relink    what a relink rewrites (URL prefixes, dry run, fields); null for other kinds
 * @param copy      what an es-copy copies and, once planned, its plan; null for other kinds
 * @param planned   the documents each collection and index held when it was planned, those a relink scans, an
 *                  inspection counts and an undo restores (its journal's entries), so its progress can say how far it
 *                  has come; empty for an es-copy (its plan has its own counts), and before it is planned
 * @param error     why it failed as a whole (for example an unreachable store during planning); null otherwise
 * @param createdAt when it was accepted
 * @param updatedAt when its status last changed
 */
public record Migration(
        String id,
        MigrationKind kind,
        MigrationStatus status,
        Targets targets,
        RelinkSpec relink,
        StoredCopy copy,
        List<PlannedDocuments> planned,
        String error,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * The stores a migration works on, as they may be shown to anyone.
     *
     * @param mongoUri      MongoDB connection string with the password removed; null when not used
     * @param mongoDatabase MongoDB database; null when not used
     * @param elasticHosts  Elasticsearch hosts (for an es-copy, the target's); empty when not used
     * @param sourceHosts   the hosts an es-copy reads from; empty for other kinds
     */
    public record Targets(String mongoUri, String mongoDatabase, List<String> elasticHosts, List<String> sourceHosts) {
        public Targets {
            elasticHosts = elasticHosts == null ? List.of() : List.copyOf(elasticHosts);
            sourceHosts = sourceHosts == null ? List.of() : List.copyOf(sourceHosts);
        }

        public Targets(String mongoUri, String mongoDatabase, List<String> elasticHosts) {
            this(mongoUri, mongoDatabase, elasticHosts, List.of());
        }

        public static Targets of(MigrationOrder order) {
            return new Targets(
                    order.mongoEndpoint().map(m -> m.redactedUri()).orElse(null),
                    order.mongoEndpoint().map(m -> m.database()).orElse(null),
                    order.elasticEndpoint().map(e -> e.hosts()).orElse(List.of()),
                    order.copy() == null ? List.of() : order.copy().source().hosts());
        }

        /** Every Elasticsearch host the migration reads or writes. */
        public List<String> allElasticHosts() {
            return java.util.stream.Stream.concat(elasticHosts.stream(), sourceHosts.stream())
                    .toList();
        }
    }

    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        planned = planned == null ? List.of() : List.copyOf(planned);
    }

    /**
     * The documents a collection or index held when the migration was planned.
     *
     * @param target    collection or index
     * @param documents its documents then
     */
    public record PlannedDocuments(String target, long documents) {}

    /** A newly accepted migration, about to be planned. */
    public static Migration accepted(String id, MigrationOrder order, Instant now) {
        return new Migration(
                id,
                order.kind(),
                MigrationStatus.PLANNING,
                Targets.of(order),
                order.relink(),
                order.copy() == null ? null : order.copy().toStored(),
                List.of(),
                null,
                now,
                now);
    }

    public Migration withStatus(MigrationStatus newStatus, Instant now) {
        return new Migration(id, kind, newStatus, targets, relink, copy, planned, error, createdAt, now);
    }

    public Migration failed(String reason, Instant now) {
        return new Migration(id, kind, MigrationStatus.FAILED, targets, relink, copy, planned, reason, createdAt, now);
    }

    public Migration withCopy(StoredCopy newCopy) {
        return new Migration(id, kind, status, targets, relink, newCopy, planned, error, createdAt, updatedAt);
    }

    public Migration withPlanned(List<PlannedDocuments> newPlanned) {
        return new Migration(id, kind, status, targets, relink, copy, newPlanned, error, createdAt, updatedAt);
    }

    /** The same migration with a status and an explanation, for example why it paused. */
    public Migration withStatus(MigrationStatus newStatus, String reason, Instant now) {
        return new Migration(id, kind, newStatus, targets, relink, copy, planned, reason, createdAt, now);
    }
}
