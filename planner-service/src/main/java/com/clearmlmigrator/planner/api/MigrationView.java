package com.clearmlmigrator.planner.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.planner.escopy.CopySummary;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskState;
import com.clearmlmigrator.planner.progress.TargetProgress;
import com.clearmlmigrator.planner.progress.TaskUnderWay;
import com.clearmlmigrator.planner.statefiles.StateFilesOutcome;

/**
 * A migration as {@code GET /migrations/{id}} shows it. Connections appear without credentials.
 *
 * @param id        migration id
 * @param kind      migration kind
 * @param status    life-cycle status
 * @param tasks     task counts
 * @param error     why the migration failed as a whole; null otherwise
 * @param mongo     the MongoDB it works on, without password; null when none
 * @param elastic   the Elasticsearch cluster it works on, without credentials; null when none
 * @param relink    what a relink rewrites; null for other kinds
 * @param copy      an es-copy's plan and progress per index (documents copied, rate, time left); null for other kinds
 * @param progress  how far it has come on each collection and index (parts ended of parts planned, documents so
 *                  far and, for a relink, of those it held when planned), and once it ended where each ended; empty
 *                  while it is planned, null in the list of migrations
 * @param running   its tasks under way: worker, progress, and whether they stalled; empty when none
 * @param notice    what holds a running migration up, when something seen does (the planner deaf to Kafka, no worker
 *                  of a kind needed heard from, a worker silent about its tasks); null otherwise
 * @param stateFiles what the command did to dataset state files beside a relink or its undo, by place (the file
 *                  server's folder, a bucket); empty when it told none, null in the list of migrations
 * @param journalForgotten when a relink's journal in the stores was forgotten ({@code forget --stores}): it can no
 *                  longer be undone; null while it is kept, for other kinds, and in the list of migrations
 * @param createdAt when it was accepted
 * @param updatedAt when its status last changed
 */
public record MigrationView(
        String id,
        String kind,
        MigrationStatus status,
        TaskCounts tasks,
        String error,
        MongoTarget mongo,
        ElasticTarget elastic,
        RelinkSpec relink,
        CopySummary copy,
        List<TargetProgress> progress,
        List<RunningTaskView> running,
        String notice,
        List<StateFilesOutcome> stateFiles,
        Instant journalForgotten,
        Instant createdAt,
        Instant updatedAt) {

    /** A MongoDB connection with the password removed. */
    public record MongoTarget(String uri, String database) {}

    /** An Elasticsearch cluster's hosts. */
    public record ElasticTarget(List<String> hosts) {}

    public static MigrationView of(Migration migration, TaskCounts counts) {
        return of(migration, counts, null, Map.of(), List.of(), null, null, null);
    }

    /**
     * @param tasks    the migration's tasks, needed to show its progress by collection and index; null to leave it out
     * @param progress the progress of its tasks under way, by task
     * @param underWay its tasks under way
     * @param notice   what holds it up, or null
     * @param stateFiles what was done to dataset state files, by place; null to leave it out
     * @param journalForgotten when the relink's journal was forgotten, or null
     */
    public static MigrationView of(
            Migration migration,
            TaskCounts counts,
            List<TaskState> tasks,
            Map<TaskId, TaskProgress> progress,
            List<TaskUnderWay> underWay,
            String notice,
            List<StateFilesOutcome> stateFiles,
            Instant journalForgotten) {
        Migration.Targets targets = migration.targets();
        return new MigrationView(
                migration.id(),
                migration.kind().wireName(),
                migration.status(),
                counts,
                migration.error(),
                targets.mongoUri() == null ? null : new MongoTarget(targets.mongoUri(), targets.mongoDatabase()),
                targets.elasticHosts().isEmpty() ? null : new ElasticTarget(targets.elasticHosts()),
                migration.relink(),
                migration.copy() == null || tasks == null ? null : CopySummary.of(migration, counts, tasks, progress),
                tasks == null ? null : TargetProgress.of(tasks, progress, migration.planned()),
                underWay.stream().map(RunningTaskView::of).toList(),
                notice,
                stateFiles,
                journalForgotten,
                migration.createdAt(),
                migration.updatedAt());
    }
}
