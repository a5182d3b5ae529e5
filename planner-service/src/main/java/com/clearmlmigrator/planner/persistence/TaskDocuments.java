package com.clearmlmigrator.planner.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.migration.TaskState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Mapping between a migration's tasks and their stored documents: the task's definition and result as the JSON the
 * contracts define, with the planner's own bookkeeping (which migration, whether it was sent) beside them.
 */
final class TaskDocuments {
    static final String RESULT = "result";
    /** A stored result's {@code startedAt}: which handling of the task answered. */
    static final String STARTED_AT = "startedAt";
    /**
     * The handlings ({@link #STARTED_AT}) whose results a retry set aside: a result of one of them arriving later (a
     * worker sends a result again until the broker takes it) does not answer the retried task.
     */
    static final String SUPERSEDED = "supersededHandlings";
    /**
     * The report of the last handling a retry set aside: what it had changed before it failed. A retried handling that
     * then fails or stops having read less (a store still away refuses it at once) answers with this instead, so the
     * migration's report keeps counting what the undo would restore.
     */
    static final String SET_ASIDE_REPORT = "setAsideReport";

    static final String MIGRATION_ID = "migrationId";
    static final String DISPATCHED = "dispatched";
    static final String DEFINITION = "definition";

    private final ObjectMapper json;

    TaskDocuments(ObjectMapper json) {
        this.json = json;
    }

    /** Records a planned task; {@code $setOnInsert} keeps a task that already has a result untouched. */
    UpdateOneModel<Document> upsert(String migrationId, TaskState task) {
        return new UpdateOneModel<>(
                eq("_id", task.id().toString()),
                Updates.combine(
                        Updates.setOnInsert(MIGRATION_ID, migrationId),
                        Updates.setOnInsert("ordinal", task.id().ordinal()),
                        Updates.setOnInsert("type", task.type().name()),
                        Updates.setOnInsert("target", task.target()),
                        Updates.setOnInsert(DEFINITION, Document.parse(write(task.definition()))),
                        Updates.setOnInsert(RESULT, null),
                        Updates.setOnInsert(DISPATCHED, false)),
                new UpdateOptions().upsert(true));
    }

    Document result(TaskResult result) {
        Document stored = Document.parse(write(result));
        stored.put("recordedAt", new Date());
        return stored;
    }

    /**
     * The update that sets a task's result aside for a retry: unsent again, without a result, the handling that answered
     * superseded and its report kept for {@link #answer}.
     */
    static Bson resetFor(Document result) {
        Bson reset = Updates.combine(Updates.set(RESULT, null), Updates.set(DISPATCHED, false));
        Object handling = result == null ? null : result.get(STARTED_AT);
        if (handling != null) {
            reset = Updates.combine(reset, Updates.addToSet(SUPERSEDED, handling));
        }
        Object report = result == null ? null : result.get("report");
        if (report != null) {
            reset = Updates.combine(reset, Updates.set(SET_ASIDE_REPORT, report));
        }
        return reset;
    }

    /**
     * The result as recorded: a handling that did not succeed answers with the furthest of its report and the one a
     * retry set aside ({@code task}'s {@link #SET_ASIDE_REPORT}, absent when none was).
     */
    TaskResult answer(TaskResult result, Document task) {
        Document setAside = task == null ? null : task.get(SET_ASIDE_REPORT, Document.class);
        if (result.outcome() == TaskOutcome.SUCCEEDED || setAside == null) {
            return result;
        }
        return result.withReport(TaskReport.furthest(read(setAside, TaskReport.class), result.report()));
    }

    TaskState toTaskState(Document doc) {
        Document result = doc.get(RESULT, Document.class);
        Document definition = doc.get(DEFINITION, Document.class);
        return new TaskState(
                TaskId.parse(doc.getString("_id")),
                TaskType.valueOf(doc.getString("type")),
                doc.getString("target"),
                result == null ? null : read(result, TaskResult.class),
                definition == null ? null : read(definition, MigrationTask.class),
                // Tasks planned before steps existed were all dispatched at once.
                doc.getBoolean(DISPATCHED, true));
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
