package com.clearmlmigrator.planner.lifecycle;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.migration.ConnectionVault;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.ReportArchive;
import com.clearmlmigrator.planner.progress.LiveProgress;

/**
 * What happens once when a migration reaches a final status: the workers are told it ended, its report is archived,
 * its credentials and the progress of its tasks dropped.
 */
@ApplicationScoped
public class MigrationCompletion {
    private final MigrationStore store;
    private final ReportArchive archive;
    private final ConnectionVault vault;
    private final LiveProgress live;
    private final ClosureNotice notice;

    public MigrationCompletion(
            MigrationStore store,
            ReportArchive archive,
            ConnectionVault vault,
            LiveProgress live,
            ClosureNotice notice) {
        this.store = store;
        this.archive = archive;
        this.vault = vault;
        this.live = live;
        this.notice = notice;
    }

    public void finished(Migration migration) {
        // Every task has answered, so none is wanted any more until a retry sends some again: one Kafka delivers again
        // now (a worker that crashed before committing, a rebalance) would copy or relink after the operator moved on.
        // A cancellation was announced when it was recorded.
        if (migration.status() != MigrationStatus.CANCELLED) {
            notice.announce(new MigrationClosed(migration.id(), Instant.now(), migration.status()));
        }
        vault.forget(migration.id());
        live.forget(migration.id());
        archive.store(migration, Reports.of(migration, store.counts(migration.id()), store.tasks(migration.id())));
    }
}
