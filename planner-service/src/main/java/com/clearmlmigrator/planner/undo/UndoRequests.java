package com.clearmlmigrator.planner.undo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
     * @param undos   the undos of it started before
     * @param mongo   connection given in the undo request, or null to reuse the relink's when it had no password
     * @param elastic connection given in the undo request, or null to reuse the relink's hosts
     */
    public static MigrationOrder order(
            Migration relink, List<Migration> undos, MongoEndpoint mongo, ElasticEndpoint elastic) {
        if (relink.kind() != MigrationKind.RELINK) {
            throw new MigrationConflictException(
                    // inspect, undo, es-copy: each takes "an".
                    "Migration " + relink.id() + " is an " + relink.kind().wireName()
                            + "; only relinks can be undone.");
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
        // A second undo would write nothing and report the first one's changes as its own. One that did not finish
        // (cancelled, failed, with errors) may be followed by another, which restores what the first left.
        for (Migration undo : undos) {
            if (!undo.status().isFinal()) {
                throw new MigrationConflictException("Migration " + undo.id() + " is already undoing migration "
                        + relink.id() + " and is " + undo.status() + "; "
                        + (undo.status() == MigrationStatus.PAUSED ? "retry it once the block is lifted" : "follow it")
                        + ", or cancel it first.");
            }
            if (undo.status() == MigrationStatus.SUCCEEDED) {
                throw new MigrationConflictException("Migration " + relink.id() + " was undone by migration "
                        + undo.id() + ", which succeeded: every value it changed is back. There is nothing left to"
                        + " undo.");
            }
        }
        MongoEndpoint undoMongo = StoredConnections.mongo(relink, mongo);
        ElasticEndpoint undoElastic = StoredConnections.elastic(relink, elastic);
        return RequestRules.order(
                MigrationKind.UNDO, undoMongo, undoElastic, relink.relink().undoing(relink.id()));
    }

    /**
     * Refuses the undo of a relink whose journal was forgotten: nothing is left to restore the values from, and an undo
     * would report success having changed nothing.
     *
     * @param forgotten when the relink's journal was forgotten, if it was
     */
    public static void checkJournalKept(Migration relink, Optional<Instant> forgotten) {
        forgotten.ifPresent(on -> {
            throw new MigrationConflictException("The journal of relink " + relink.id() + " was forgotten on " + on
                    + " (`forget`): the values it changed can no longer be restored. Relink from the new prefix to"
                    + " the old one instead.");
        });
    }

    /**
     * Refuses to retry a relink that an undo has started on: from the moment an undo begins on a part, the relink's
     * tasks leave that part alone (so a task delivered again cannot take the undo back), and a retry would report
     * success having changed nothing. Refuses it too once its journal was forgotten: the retried parts would journal
     * again, into a journal no undo may read, kept until someone forgets it a second time.
     *
     * @param relink    a relink
     * @param undos     the undos of {@code relink} started before
     * @param forgotten when the relink's journal was forgotten, if it was
     */
    public static void checkRetry(Migration relink, List<Migration> undos, Optional<Instant> forgotten) {
        if (!undos.isEmpty()) {
            Migration undo = undos.get(0);
            throw new MigrationConflictException("Migration " + relink.id() + " was undone by migration "
                    + undo.id() + " (" + undo.status() + "); a relink is not retried after its undo. Start a new"
                    + " relink instead.");
        }
        forgotten.ifPresent(on -> {
            throw new MigrationConflictException("The journal of relink " + relink.id() + " was forgotten on " + on
                    + " (`forget`), and what a retry changed could not be undone. Start a new relink with the same"
                    + " prefixes instead: it changes only what is left, and keeps a journal of its own.");
        });
    }
}
