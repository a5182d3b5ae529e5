package com.clearmlmigrator.planner.undo;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.RequestRules;
import com.clearmlmigrator.planner.migration.StoredConnections;

/** Turns a request to undo a relink into an undo order, or says why it cannot be undone now. */
public final class UndoRequests {
    private UndoRequests() {}

    /**
     * @param relink  the migration to undo
     * @param mongo   connection given in the undo request, or null to reuse the relink's when it had no password
     * @param elastic connection given in the undo request, or null to reuse the relink's hosts
     */
    public static MigrationOrder order(Migration relink, MongoEndpoint mongo, ElasticEndpoint elastic) {
        if (relink.kind() != MigrationKind.RELINK) {
            throw new MigrationConflictException(
                    "Migration " + relink.id() + " is a " + relink.kind().wireName() + "; only relinks can be undone.");
        }
        if (!relink.status().isFinal()) {
            throw new MigrationConflictException(
                    "Migration " + relink.id() + " is still " + relink.status() + "; undo it once it has ended.");
        }
        if (relink.relink().dryRun()) {
            throw new MigrationConflictException(
                    "Migration " + relink.id() + " was a dry run and changed nothing; there is nothing to undo.");
        }
        if (relink.status() == MigrationStatus.FAILED && relink.error() != null) {
            throw new MigrationConflictException(
                    "Migration " + relink.id() + " failed before changing anything: " + relink.error());
        }
        MongoEndpoint undoMongo = StoredConnections.mongo(relink, mongo);
        ElasticEndpoint undoElastic = StoredConnections.elastic(relink, elastic);
        return RequestRules.order(
                MigrationKind.UNDO, undoMongo, undoElastic, relink.relink().undoing(relink.id()));
    }
}
