package com.clearmlmigrator.planner.domain;

import jakarta.enterprise.context.ApplicationScoped;

/** What happens once when a migration reaches a final status: its report is archived. */
@ApplicationScoped
public class MigrationCompletion {
    private final MigrationStore store;
    private final ReportArchive archive;

    public MigrationCompletion(MigrationStore store, ReportArchive archive) {
        this.store = store;
        this.archive = archive;
    }

    public void finished(Migration migration) {
        archive.store(migration, Reports.of(migration, store.counts(migration.id()), store.tasks(migration.id())));
    }
}
