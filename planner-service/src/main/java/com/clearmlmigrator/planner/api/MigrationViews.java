package com.clearmlmigrator.planner.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.config.PlannerConfig;
import com.clearmlmigrator.planner.lifecycle.Reports;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationNotFoundException;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.TaskState;
import com.clearmlmigrator.planner.progress.LiveProgress;
import com.clearmlmigrator.planner.progress.PlannerHearing;
import com.clearmlmigrator.planner.progress.QuietNotice;
import com.clearmlmigrator.planner.progress.StoreWaitNotice;
import com.clearmlmigrator.planner.progress.TaskUnderWay;
import com.clearmlmigrator.planner.progress.UnansweredNotice;
import com.clearmlmigrator.planner.progress.WaitingNotice;
import com.clearmlmigrator.planner.statefiles.StateFilesOutcomes;
import com.clearmlmigrator.planner.undo.StoresJournal;

/**
 * Migrations as the API shows them: one as {@code GET /migrations/{id}} and its event stream do (status, counts, live
 * progress, notice), the recent ones, and a migration's report.
 */
@ApplicationScoped
public class MigrationViews {
    private static final int LIST_LIMIT = 100;

    private final MigrationStore store;
    private final LiveProgress live;
    private final PlannerHearing hearing;
    private final StateFilesOutcomes stateFiles;
    private final StoresJournal journal;
    private final Duration stallTimeout;

    public MigrationViews(
            MigrationStore store,
            LiveProgress live,
            PlannerHearing hearing,
            StateFilesOutcomes stateFiles,
            StoresJournal journal,
            PlannerConfig config) {
        this.store = store;
        this.live = live;
        this.hearing = hearing;
        this.stateFiles = stateFiles;
        this.journal = journal;
        this.stallTimeout = config.stallTimeout();
    }

    /** @throws MigrationNotFoundException when no migration has this id */
    public Migration find(String id) {
        return store.find(id).orElseThrow(() -> new MigrationNotFoundException(id));
    }

    /** The most recent migrations first, each with its task counts. */
    public List<MigrationView> recent() {
        return store.recent(LIST_LIMIT).stream().map(this::summary).toList();
    }

    /** The migration with its task counts, without live progress. */
    public MigrationView summary(Migration migration) {
        return MigrationView.of(migration, store.counts(migration.id()));
    }

    /** What the migration found or did, task by task: the report of its kind. */
    public Object report(String id) {
        return Reports.of(find(id), store.counts(id), store.tasks(id), live.of(id));
    }

    /** The migration as it stands now. */
    public MigrationView current(String id) {
        Migration migration = find(id);
        boolean running = migration.status() == MigrationStatus.RUNNING;
        List<TaskState> tasks = store.taskStates(id);
        List<TaskUnderWay> underWay = live.underWay(id);
        Instant now = Instant.now();
        // A worker's silence counts only from when the planner hears Kafka; a deaf planner says so instead.
        Optional<Instant> hearingSince = hearing.hearingSince(now);
        String notice = running
                ? hearing.deafFor(now)
                        .map(MigrationViews::deafNotice)
                        .or(() -> hearingSince.flatMap(
                                since -> WaitingNotice.of(tasks, underWay, live, since, now, stallTimeout)))
                        .or(() -> StoreWaitNotice.of(underWay, id, now))
                        .or(() -> hearingSince.flatMap(since ->
                                QuietNotice.of(underWay, task -> live.takingUp(task, now), since, now, stallTimeout)))
                        .or(() -> UnansweredNotice.of(migration.targets(), tasks, underWay))
                        .orElse(null)
                : null;
        return MigrationView.of(
                migration,
                store.counts(id),
                // Every kind's progress by collection and index, the final figures once it ended (`watch` prints
                // them in its last line); an es-copy's summary too.
                tasks,
                live.of(id),
                underWay,
                notice,
                stateFiles.of(id),
                migration.kind() == MigrationKind.RELINK
                        ? journal.forgottenAt(id).orElse(null)
                        : null);
    }

    private static String deafNotice(Duration deaf) {
        return "The planner has not heard from Kafka for " + deaf.toSeconds() + " s (its own probes do not come back):"
                + " the workers may be at work, but their heartbeats and results cannot reach it, and no task is"
                + " called stalled meanwhile. Check the broker at kafka.bootstrap.servers; the migration goes on"
                + " once it is back.";
    }
}
