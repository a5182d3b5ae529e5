package com.clearmlmigrator.planner.inspect;

import java.util.List;
import java.util.Objects;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.IndexInspection;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskFailure;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * The aggregated answer of an inspect migration: what each collection and index holds, and every task that failed.
 *
 * @param id       migration id
 * @param status   migration status; the report is partial while RUNNING
 * @param tasks    task counts
 * @param error    why the migration failed as a whole; null otherwise
 * @param mongo    MongoDB findings; null when MongoDB was not inspected
 * @param elastic  Elasticsearch findings; null when Elasticsearch was not inspected
 * @param urlPrefixes every URL origin the references start with, the most referenced first: what a relink's {@code
 *                 from} should be
 * @param failures every failed task with its reason
 */
public record InspectReport(
        String id,
        MigrationStatus status,
        TaskCounts tasks,
        String error,
        MongoFindings mongo,
        ElasticFindings elastic,
        List<UrlPrefixTotal> urlPrefixes,
        List<TaskFailure> failures) {

    /** Totals and per-collection findings. */
    public record MongoFindings(
            List<String> databases,
            String serverVersion,
            long documents,
            long sizeBytes,
            List<CollectionInspection> collections) {}

    /** Totals and per-index findings. */
    public record ElasticFindings(
            List<String> hosts, String serverVersion, long documents, long sizeBytes, List<IndexInspection> indices) {}

    public static InspectReport of(Migration migration, TaskCounts counts, List<TaskState> tasks) {
        List<CollectionInspection> collections = reports(tasks, CollectionInspection.class);
        List<IndexInspection> indices = reports(tasks, IndexInspection.class);
        Migration.Targets targets = migration.targets();
        MongoFindings mongo = targets.mongoDatabase() == null
                ? null
                : new MongoFindings(
                        collections.stream()
                                .map(CollectionInspection::database)
                                .distinct()
                                .toList(),
                        collections.stream()
                                .map(CollectionInspection::serverVersion)
                                .filter(Objects::nonNull)
                                .findFirst()
                                .orElse(null),
                        collections.stream()
                                .mapToLong(CollectionInspection::documents)
                                .sum(),
                        collections.stream()
                                .mapToLong(CollectionInspection::sizeBytes)
                                .sum(),
                        collections);
        ElasticFindings elastic = targets.elasticHosts().isEmpty()
                ? null
                : new ElasticFindings(
                        targets.elasticHosts(),
                        indices.stream()
                                .map(IndexInspection::serverVersion)
                                .filter(Objects::nonNull)
                                .findFirst()
                                .orElse(null),
                        indices.stream().mapToLong(IndexInspection::documents).sum(),
                        indices.stream().mapToLong(IndexInspection::sizeBytes).sum(),
                        indices);
        List<TaskFailure> failures = TaskFailure.of(tasks);
        return new InspectReport(
                migration.id(),
                migration.status(),
                counts,
                migration.error(),
                mongo,
                elastic,
                UrlPrefixTotal.of(collections, indices),
                failures);
    }

    private static <T> List<T> reports(List<TaskState> tasks, Class<T> type) {
        return tasks.stream()
                .filter(t -> t.result() != null && type.isInstance(t.result().report()))
                .map(t -> type.cast(t.result().report()))
                .toList();
    }
}
