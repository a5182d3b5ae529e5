package com.clearmlmigrator.planner.undo;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationNotFoundException;
import com.clearmlmigrator.planner.migration.MigrationStore;

/**
 * Forgets what a finished relink keeps in the migrator's database for its undo, once the operator keeps the relink:
 * the previous value of every value it changed, as large as those values (megabytes a plot), for as long as nobody
 * removes it. After it the relink cannot be undone.
 */
@ApplicationScoped
public class JournalForgetting {
    private final MigrationStore migrations;
    private final StoresJournal journal;

    public JournalForgetting(MigrationStore migrations, StoresJournal journal) {
        this.migrations = migrations;
        this.journal = journal;
    }

    /**
     * @throws MigrationNotFoundException when no migration has this id
     * @throws MigrationConflictException for a migration other than a relink
     */
    public JournalState of(String relinkId) {
        Migration relink = relink(relinkId);
        return new JournalState(
                journal.entries(relink.id()), journal.forgottenAt(relink.id()).orElse(null));
    }

    /**
     * Forgets the relink's journal; again (after a forget stopped midway), removes what is left and keeps the first time.
     *
     * @return the entries removed now, and when it was forgotten
     * @throws MigrationNotFoundException when no migration has this id
     * @throws MigrationConflictException for a migration other than a relink, a relink not ended, or one an undo is
     *     reading the journal of
     */
    public JournalState forget(String relinkId, Instant now) {
        Migration relink = relink(relinkId);
        if (!relink.status().isFinal()) {
            throw new MigrationConflictException("Relink " + relink.id() + " is " + relink.status()
                    + ": its workers are still writing its journal. Forget it once the relink has ended.");
        }
        List<Migration> undos = migrations.undosOf(relink.id());
        for (Migration undo : undos) {
            if (!undo.status().isFinal()) {
                throw new MigrationConflictException("Migration " + undo.id() + " is undoing relink " + relink.id()
                        + " from its journal and is " + undo.status() + "; forget the journal once it has ended.");
            }
        }
        long removed = journal.forget(relink.id(), now);
        return new JournalState(removed, journal.forgottenAt(relink.id()).orElse(now));
    }

    private Migration relink(String id) {
        Migration migration = migrations.find(id).orElseThrow(() -> new MigrationNotFoundException(id));
        if (migration.kind() != MigrationKind.RELINK) {
            throw new MigrationConflictException("Migration " + migration.id() + " is of kind "
                    + migration.kind().wireName() + "; only a relink keeps a journal for its undo.");
        }
        return migration;
    }
}
