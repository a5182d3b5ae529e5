package com.clearmlmigrator.planner.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationStore;

/**
 * One writer per target: a migration that writes (relink, undo, es-copy) is refused while another writing migration is still
 * planning or running on the same MongoDB database or Elasticsearch cluster, since their journals and
 * compare-and-set writes would report each other's changes as conflicts. A cancelled migration holds its target until
 * the parts it had already sent have answered, so an undo never races the last writes of the relink it reverses.
 */
@ApplicationScoped
public class WriterGuard {
    private final MigrationStore store;

    public WriterGuard(MigrationStore store) {
        this.store = store;
    }

    /**
     * @param self the migration asking, which never conflicts with itself (a paused migration being retried); null for
     *             a new one
     * @throws MigrationConflictException naming the running migration
     */
    public void check(String self, MigrationKind kind, Migration.Targets wanted) {
        if (!writes(kind)) {
            return;
        }
        List<Migration> writing = new ArrayList<>(store.active());
        // A cancelled migration still writes until its parts under way have answered.
        writing.addAll(store.finishing());
        for (Migration running : writing) {
            if (running.id().equals(self) || !writes(running.kind())) {
                continue;
            }
            Migration.Targets held = running.targets();
            if (wanted.mongoUri() != null
                    && Objects.equals(wanted.mongoUri(), held.mongoUri())
                    && Objects.equals(wanted.mongoDatabase(), held.mongoDatabase())) {
                throw busy(running, "MongoDB database " + held.mongoDatabase() + " at " + held.mongoUri());
            }
            if (wanted.allElasticHosts().stream().anyMatch(held.allElasticHosts()::contains)) {
                throw busy(running, "Elasticsearch cluster " + held.allElasticHosts());
            }
        }
    }

    private static boolean writes(MigrationKind kind) {
        // An es-copy writes the target, and the source too when it write-blocks the copied indices.
        return kind == MigrationKind.RELINK || kind == MigrationKind.UNDO || kind == MigrationKind.ES_COPY;
    }

    private static MigrationConflictException busy(Migration running, String target) {
        if (running.status() == MigrationStatus.CANCELLED) {
            return new MigrationConflictException(
                    "Migration " + running.id() + " (" + running.kind().wireName()
                            + ") was cancelled, and parts of it already under way are still finishing on " + target
                            + "; try again once GET /migrations/" + running.id() + " shows tasks.pending 0.");
        }
        return new MigrationConflictException(
                "Migration " + running.id() + " (" + running.kind().wireName()
                        + ") is still " + running.status() + " on " + target
                        + "; wait for it to end or cancel it with POST /migrations/" + running.id() + "/cancel.");
    }
}
