package com.clearmlmigrator.planner.domain;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One writer per target: a migration that writes (relink, undo) is refused while another writing migration is still
 * planning or running on the same MongoDB database or Elasticsearch cluster, since their journals and
 * compare-and-set writes would report each other's changes as conflicts.
 */
@ApplicationScoped
public class WriterGuard {
    private final MigrationStore store;

    public WriterGuard(MigrationStore store) {
        this.store = store;
    }

    /** @throws MigrationConflictException naming the running migration */
    public void check(MigrationOrder order) {
        if (!writes(order.kind())) {
            return;
        }
        Migration.Targets wanted = Migration.Targets.of(order);
        for (Migration running : store.active()) {
            if (!writes(running.kind())) {
                continue;
            }
            Migration.Targets held = running.targets();
            if (wanted.mongoUri() != null
                    && Objects.equals(wanted.mongoUri(), held.mongoUri())
                    && Objects.equals(wanted.mongoDatabase(), held.mongoDatabase())) {
                throw busy(running, "MongoDB database " + held.mongoDatabase() + " at " + held.mongoUri());
            }
            if (wanted.elasticHosts().stream().anyMatch(held.elasticHosts()::contains)) {
                throw busy(running, "Elasticsearch cluster " + held.elasticHosts());
            }
        }
    }

    private static boolean writes(MigrationKind kind) {
        return kind == MigrationKind.RELINK || kind == MigrationKind.UNDO;
    }

    private static MigrationConflictException busy(Migration running, String target) {
        return new MigrationConflictException(
                "Migration " + running.id() + " (" + running.kind().wireName()
                        + ") is still " + running.status() + " on " + target
                        + "; wait for it to end or cancel it with POST /migrations/" + running.id() + "/cancel.");
    }
}
