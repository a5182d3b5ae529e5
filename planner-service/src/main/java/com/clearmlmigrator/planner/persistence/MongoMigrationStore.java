package com.clearmlmigrator.planner.persistence;

import static com.clearmlmigrator.planner.persistence.TaskDocuments.DISPATCHED;
import static com.clearmlmigrator.planner.persistence.TaskDocuments.MIGRATION_ID;
import static com.clearmlmigrator.planner.persistence.TaskDocuments.RESULT;
import static com.clearmlmigrator.planner.persistence.TaskDocuments.SET_ASIDE_REPORT;
import static com.clearmlmigrator.planner.persistence.TaskDocuments.SUPERSEDED;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nin;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.planner.config.PlannerConfig;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps migrations and tasks in the planner's own MongoDB database. Task results are written only onto tasks that have
 * none, with a conditional update, so a redelivered result changes nothing; no transaction is needed.
 */
@ApplicationScoped
public class MongoMigrationStore implements MigrationStore {
    private final MongoCollection<Document> migrations;
    private final MongoCollection<Document> tasks;
    private final TaskDocuments taskDocuments;

    public MongoMigrationStore(MongoClient client, PlannerConfig config, ObjectMapper json) {
        var database = client.getDatabase(config.database());
        this.migrations = database.getCollection("migrations");
        this.tasks = database.getCollection("migration_tasks");
        this.taskDocuments = new TaskDocuments(json);
    }

    void createIndexes(@Observes StartupEvent startup) {
        tasks.createIndex(Indexes.ascending(MIGRATION_ID, "ordinal"));
        migrations.createIndex(Indexes.descending("createdAt"), new IndexOptions().name("newest_first"));
    }

    @Override
    public void save(Migration migration) {
        migrations.replaceOne(
                eq("_id", migration.id()), MigrationDocuments.toDocument(migration), new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean saveIf(MigrationStatus expected, Migration changed) {
        return migrations
                        .replaceOne(
                                and(eq("_id", changed.id()), eq("status", expected.name())),
                                MigrationDocuments.toDocument(changed))
                        .getMatchedCount()
                == 1;
    }

    @Override
    public Optional<Migration> find(String id) {
        return Optional.ofNullable(migrations.find(eq("_id", id)).first()).map(MigrationDocuments::toMigration);
    }

    @Override
    public List<Migration> active() {
        return migrations
                .find(in(
                        "status",
                        MigrationStatus.PLANNING.name(),
                        MigrationStatus.RUNNING.name(),
                        MigrationStatus.PAUSED.name()))
                .map(MigrationDocuments::toMigration)
                .into(new ArrayList<>());
    }

    @Override
    public List<Migration> finishing() {
        return cancelledHolding(and(eq(RESULT, null), eq(DISPATCHED, true)));
    }

    @Override
    public List<Migration> cancelledWithUnsentTasks() {
        return cancelledHolding(and(eq(RESULT, null), eq(DISPATCHED, false)));
    }

    /** The cancelled migrations with at least one task that matches {@code taskFilter}. */
    private List<Migration> cancelledHolding(Bson taskFilter) {
        List<String> holding =
                tasks.distinct(MIGRATION_ID, taskFilter, String.class).into(new ArrayList<>());
        if (holding.isEmpty()) {
            return List.of();
        }
        return migrations
                .find(and(in("_id", holding), eq("status", MigrationStatus.CANCELLED.name())))
                .map(MigrationDocuments::toMigration)
                .into(new ArrayList<>());
    }

    @Override
    public List<Migration> recent(int limit) {
        return migrations
                .find()
                .sort(Sorts.descending("createdAt"))
                .limit(limit)
                .map(MigrationDocuments::toMigration)
                .into(new ArrayList<>());
    }

    @Override
    public List<Migration> undosOf(String relinkId) {
        return migrations
                .find(and(
                        eq("kind", MigrationKind.UNDO.wireName()),
                        eq("relink." + MigrationDocuments.UNDO_OF, relinkId)))
                .map(MigrationDocuments::toMigration)
                .into(new ArrayList<>());
    }

    @Override
    public Map<MigrationStatus, Long> countByStatus() {
        Map<MigrationStatus, Long> counts = new EnumMap<>(MigrationStatus.class);
        migrations
                .aggregate(List.of(Aggregates.group("$status", Accumulators.sum("count", 1))))
                .forEach(group -> counts.put(
                        MigrationStatus.valueOf(group.getString("_id")), ((Number) group.get("count")).longValue()));
        return counts;
    }

    @Override
    public void addTasks(String migrationId, List<TaskState> planned) {
        if (planned.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> upserts = planned.stream()
                .map(task -> taskDocuments.upsert(migrationId, task))
                .toList();
        tasks.bulkWrite(upserts);
    }

    @Override
    public boolean recordResult(TaskResult result) {
        Document setAside = result.outcome() == TaskOutcome.SUCCEEDED
                ? null
                : tasks.find(eq("_id", result.taskId().toString()))
                        .projection(Projections.include(SET_ASIDE_REPORT))
                        .first();
        Document stored = taskDocuments.result(taskDocuments.answer(result, setAside));
        Object handling = stored.get(TaskDocuments.STARTED_AT);
        // A result of a handling a retry superseded (a worker sent it again after a broker outage) is not this
        // attempt's.
        Bson current = handling == null ? eq(RESULT, null) : and(eq(RESULT, null), nin(SUPERSEDED, handling));
        return tasks.updateOne(and(eq("_id", result.taskId().toString()), current), Updates.set(RESULT, stored))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public List<TaskState> tasks(String migrationId) {
        return tasks.find(eq(MIGRATION_ID, migrationId))
                .sort(Sorts.ascending("ordinal"))
                .map(taskDocuments::toTaskState)
                .into(new ArrayList<>());
    }

    @Override
    public List<TaskState> taskStates(String migrationId) {
        // Definitions (an es-copy's carry whole mappings) are most of a task's size; states are read on every result.
        return tasks.find(eq(MIGRATION_ID, migrationId))
                .projection(Projections.exclude(TaskDocuments.DEFINITION))
                .sort(Sorts.ascending("ordinal"))
                .map(taskDocuments::toTaskState)
                .into(new ArrayList<>());
    }

    @Override
    public List<MigrationTask> definitions(List<TaskId> taskIds) {
        List<String> ids = taskIds.stream().map(TaskId::toString).toList();
        return tasks.find(in("_id", ids))
                .sort(Sorts.ascending("ordinal"))
                .map(taskDocuments::toTaskState)
                .map(TaskState::definition)
                .into(new ArrayList<>());
    }

    @Override
    public TaskCounts counts(String migrationId) {
        // One pass grouped by outcome instead of a count each: this runs on every result. Pending tasks group as null.
        Map<String, Integer> byOutcome = new HashMap<>();
        for (Document group : tasks.aggregate(List.of(
                Aggregates.match(eq(MIGRATION_ID, migrationId)),
                Aggregates.group("$" + RESULT + ".outcome", Accumulators.sum("n", 1))))) {
            byOutcome.put(String.valueOf(group.getString("_id")), group.getInteger("n"));
        }
        return TaskCounts.of(
                byOutcome.getOrDefault(TaskOutcome.SUCCEEDED.name(), 0),
                byOutcome.getOrDefault(TaskOutcome.FAILED.name(), 0),
                byOutcome.getOrDefault(TaskOutcome.SKIPPED.name(), 0),
                byOutcome.getOrDefault("null", 0));
    }

    @Override
    public void resetResults(List<TaskId> taskIds) {
        List<String> ids = taskIds.stream().map(TaskId::toString).toList();
        for (Document task : tasks.find(in("_id", ids)).projection(Projections.include(RESULT))) {
            tasks.updateOne(eq("_id", task.get("_id")), TaskDocuments.resetFor(task.get(RESULT, Document.class)));
        }
    }

    @Override
    public void markDispatched(List<TaskId> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        List<String> ids = taskIds.stream().map(TaskId::toString).toList();
        tasks.updateMany(in("_id", ids), Updates.set(DISPATCHED, true));
    }

    @Override
    public long undispatched(String migrationId) {
        return tasks.countDocuments(and(eq(MIGRATION_ID, migrationId), eq(RESULT, null), eq(DISPATCHED, false)));
    }
}
