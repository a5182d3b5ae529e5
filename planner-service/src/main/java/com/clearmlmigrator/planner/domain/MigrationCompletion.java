package com.clearmlmigrator.planner.domain;

import jakarta.enterprise.context.ApplicationScoped;

/** What happens once when a migration reaches a final status: its report is archived, its credentials dropped. */
@ApplicationScoped
public class MigrationCompletion {
    private final MigrationStore store;
    private final ReportArchive archive;
    private final ConnectionVault vault;

    public MigrationCompletion(MigrationStore store, ReportArchive archive, ConnectionVault vault) {
        this.store = store;
        this.archive = archive;
        this.vault = vault;
    }

    public void finished(Migration migration) {
        vault.forget(migration.id());
        archive.store(migration, Reports.of(migration, store.counts(migration.id()), store.tasks(migration.id())));
    }
}
