package com.clearmlmigrator.planner.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.migration.ConnectionVault;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.ReportArchive;
import com.clearmlmigrator.planner.progress.LiveProgress;

/**
 * What happens once when a migration reaches a final status: its report is archived, its credentials and the progress
 * of its tasks dropped.
 */
@ApplicationScoped
public class MigrationCompletion {
    private final MigrationStore store;
    private final ReportArchive archive;
    private final ConnectionVault vault;
    private final LiveProgress live;

    public MigrationCompletion(MigrationStore store, ReportArchive archive, ConnectionVault vault, LiveProgress live) {
        this.store = store;
        this.archive = archive;
        this.vault = vault;
        this.live = live;
    }

    public void finished(Migration migration) {
        vault.forget(migration.id());
        live.forget(migration.id());
        archive.store(migration, Reports.of(migration, store.counts(migration.id()), store.tasks(migration.id())));
    }
}
