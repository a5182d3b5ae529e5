package com.clearmlmigrator.planner.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.config.PlannerConfig;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskState;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps migrations and tasks in the planner's own MongoDB database. Task results are written only onto tasks that have
 * none, with a conditional update, so a redelivered result changes nothing; no transaction is needed.
 */
@ApplicationScoped
public class MongoMigrationStore implements MigrationStore {
    private static final String RESULT = "result";
    private static final String MIGRATION_ID = "migrationId";
    private static final String DISPATCHED = "dispatched";

    private final MongoCollection<Document> migrations;
    private final MongoCollection<Document> tasks;
    private final ObjectMapper json;

    public MongoMigrationStore(MongoClient client, PlannerConfig config, ObjectMapper json) {
        var database = client.getDatabase(config.database());
        this.migrations = database.getCollection("migrations");
        this.tasks = database.getCollection("migration_tasks");
        this.json = json;
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
        List<String> unanswered = tasks.distinct(
                        MIGRATION_ID, and(eq(RESULT, null), eq(DISPATCHED, true)), String.class)
                .into(new ArrayList<>());
        if (unanswered.isEmpty()) {
            return List.of();
        }
        return migrations
                .find(and(in("_id", unanswered), eq("status", MigrationStatus.CANCELLED.name())))
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
        // $setOnInsert keeps a task that already has a result untouched when a plan is recorded again.
        List<UpdateOneModel<Document>> upserts = planned.stream()
                .map(task -> new UpdateOneModel<Document>(
                        eq("_id", task.id().toString()),
                        Updates.combine(
                                Updates.setOnInsert(MIGRATION_ID, migrationId),
                                Updates.setOnInsert("ordinal", task.id().ordinal()),
                                Updates.setOnInsert("type", task.type().name()),
                                Updates.setOnInsert("target", task.target()),
                                Updates.setOnInsert("definition", Document.parse(write(task.definition()))),
                                Updates.setOnInsert(RESULT, null),
                                Updates.setOnInsert(DISPATCHED, false)),
                        new UpdateOptions().upsert(true)))
                .toList();
        tasks.bulkWrite(upserts);
    }

    @Override
    public boolean recordResult(TaskResult result) {
        Document stored = Document.parse(write(result));
        stored.put("recordedAt", new Date());
        return tasks.updateOne(
                                and(eq("_id", result.taskId().toString()), eq(RESULT, null)),
                                Updates.set(RESULT, stored))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public List<TaskState> tasks(String migrationId) {
        return tasks.find(eq(MIGRATION_ID, migrationId))
                .sort(Sorts.ascending("ordinal"))
                .map(this::toTaskState)
                .into(new ArrayList<>());
    }

    @Override
    public List<TaskState> taskStates(String migrationId) {
        // Definitions (an es-copy's carry whole mappings) are most of a task's size; states are read on every result.
        return tasks.find(eq(MIGRATION_ID, migrationId))
                .projection(Projections.exclude("definition"))
                .sort(Sorts.ascending("ordinal"))
                .map(this::toTaskState)
                .into(new ArrayList<>());
    }

    @Override
    public List<MigrationTask> definitions(List<TaskId> taskIds) {
        List<String> ids = taskIds.stream().map(TaskId::toString).toList();
        return tasks.find(in("_id", ids))
                .sort(Sorts.ascending("ordinal"))
                .map(this::toTaskState)
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

    private TaskState toTaskState(Document doc) {
        Document result = doc.get(RESULT, Document.class);
        Document definition = doc.get("definition", Document.class);
        return new TaskState(
                TaskId.parse(doc.getString("_id")),
                TaskType.valueOf(doc.getString("type")),
                doc.getString("target"),
                result == null ? null : read(result, TaskResult.class),
                definition == null ? null : read(definition, MigrationTask.class),
                // Tasks planned before steps existed were all dispatched at once.
                doc.getBoolean(DISPATCHED, true));
    }

    @Override
    public void resetResults(List<TaskId> taskIds) {
        List<String> ids = taskIds.stream().map(TaskId::toString).toList();
        tasks.updateMany(in("_id", ids), Updates.combine(Updates.set(RESULT, null), Updates.set(DISPATCHED, false)));
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

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A task record could not be written as JSON", e);
        }
    }

    private <T> T read(Document stored, Class<T> type) {
        try {
            Document copy = new Document(stored);
            copy.remove("recordedAt");
            return json.readValue(copy.toJson(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored task record could not be read", e);
        }
    }
}
