package com.clearmlmigrator.stores;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.BsonMaximumSizeExceededException;
import org.bson.Document;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.relink.FieldChange;
import com.clearmlmigrator.relink.JournalEntry;
import com.clearmlmigrator.relink.RelinkJournal;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

/**
 * The relink journal in the migrator's own MongoDB database ({@code relink_journal}), one document per migration,
 * target and document. Inserting an entry that exists is a no-op, so replayed tasks never overwrite the original
 * previous values. Beside it, {@code relink_tasks} holds one document per relink task that has started, {@code
 * relink_undos} one per relink and target whose undo has begun.
 */
public final class MongoRelinkJournal implements RelinkJournal {
    /** The entries' collection, which {@link MongoJournalForgetting} empties of a forgotten relink's. */
    static final String ENTRIES = "relink_journal";

    private static final int DUPLICATE_KEY = 11000;
    private static final String MIGRATION_ID = "migrationId";
    private static final String TARGET = "target";
    private static final String ROUTING = "routing";
    private static final String CHANGES = "changes";
    private static final String PATH = "path";
    private static final String RULE = "rule";
    /** MongoDB's 16 MB per document, as JSON text roughly. */
    private static final int MAX_ENTRY_CHARACTERS = 16 * 1024 * 1024;

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> startedTasks;
    private final MongoCollection<Document> undoneParts;

    /** @param database the migrator's own database, never ClearML's */
    public MongoRelinkJournal(MongoDatabase database) {
        MongoCollection<Document> journal = database.getCollection(ENTRIES);
        // An entry must outlast a crash of MongoDB before its document is rewritten. Acknowledged alone, a write on a
        // standalone server reaches its on-disk journal up to 100 ms later, and an entry lost then would leave a value
        // that undo cannot restore. One journal flush per batch of entries; the write concern's other parts stay.
        this.entries = journal.withWriteConcern(journal.getWriteConcern().withJournal(true));
        this.startedTasks = database.getCollection("relink_tasks");
        this.undoneParts = database.getCollection("relink_undos");
    }

    @Override
    public Map<String, JournalEntry> find(String migrationId, String target, Collection<String> documentIds) {
        List<String> ids = documentIds.stream()
                .map(id -> new JournalEntry(migrationId, target, id, List.of()).id())
                .toList();
        Map<String, JournalEntry> found = new HashMap<>();
        for (Document doc : entries.find(Filters.in("_id", ids))) {
            JournalEntry entry = toEntry(doc);
            found.put(entry.documentId(), entry);
        }
        return found;
    }

    @Override
    public Map<String, JournalEntry> record(List<JournalEntry> newEntries) {
        List<Document> documents =
                newEntries.stream().map(MongoRelinkJournal::toDocument).toList();
        try {
            entries.insertMany(documents, new InsertManyOptions().ordered(false));
            return Map.of();
        } catch (BsonMaximumSizeExceededException e) {
            throw tooLargeToJournal(newEntries, documents, e);
        } catch (MongoBulkWriteException e) {
            if (!onlyDuplicates(e)) {
                throw e;
            }
            List<String> kept = e.getWriteErrors().stream()
                    .map(error -> newEntries.get(error.getIndex()).documentId())
                    .toList();
            JournalEntry first = newEntries.get(0);
            Map<String, JournalEntry> found = find(first.migrationId(), first.target(), kept);
            if (found.size() != kept.size()) {
                // Only someone deleting the journal under a running relink gets here; writing without it could not be
                // undone.
                throw new IllegalStateException("Journal entries of " + first.target() + " vanished while relinking");
            }
            return found;
        }
    }

    /** A value that, deflated, still passes MongoDB's 16 MB per document cannot be kept for undo: the task fails. */
    private static TaskFailedException tooLargeToJournal(
            List<JournalEntry> entries, List<Document> documents, BsonMaximumSizeExceededException e) {
        String which = "";
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).toJson().length() > MAX_ENTRY_CHARACTERS) {
                which = " (document " + entries.get(i).documentId() + ")";
                break;
            }
        }
        return new TaskFailedException(
                FailureReason.BAD_INPUT,
                "A value of " + entries.get(0).target() + which + " is too large to keep for undo even deflated:"
                        + " MongoDB takes at most 16 MB per document. The relink wrote nothing of it; leave the index"
                        + " out or relink it with ClearML's own script, which keeps no undo.",
                e);
    }

    @Override
    public boolean markStarted(String taskId) {
        return insertOnce(startedTasks, taskId);
    }

    /** Inserts a document of only this id; false when it was there already. */
    private static boolean insertOnce(MongoCollection<Document> collection, String id) {
        try {
            collection.insertOne(new Document("_id", id));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public void markUndone(String relinkId, String target) {
        insertOnce(undoneParts, partId(relinkId, target));
    }

    @Override
    public boolean isUndone(String relinkId, String target) {
        return undoneParts.find(Filters.eq("_id", partId(relinkId, target))).first() != null;
    }

    /**
     * The entries whose ids start with this prefix and a slash ({@link JournalEntry#id()}: migration, target,
     * document): one migration's, or one of its targets'. A range of {@code _id} ('0' is the character after '/'),
     * which MongoDB and the local stack's wire server both read from the {@code _id} index; written as one condition
     * on {@code _id}, the form the wire server recognises.
     */
    static Document idsUnder(String prefix) {
        return new Document("_id", new Document("$gte", prefix + "/").append("$lt", prefix + "0"));
    }

    private static String partId(String relinkId, String target) {
        return relinkId + "/" + target;
    }

    private static boolean onlyDuplicates(MongoBulkWriteException e) {
        return e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
    }

    @Override
    public void forEachBatch(String migrationId, String target, int size, Consumer<List<JournalEntry>> work) {
        // The part's range of ids, read from the _id index. A filter on migrationId and target needed an index of its
        // own on MongoDB, and on the local stack's wire server (no other index) read every relink's entries for each
        // part undone: 14 parts at once over 1.3 million entries left it answering nothing for a minute.
        Document part = idsUnder(migrationId + "/" + target).append(TARGET, target);
        List<JournalEntry> batch = new ArrayList<>(size);
        try (MongoCursor<Document> cursor = entries.find(part).batchSize(size).iterator()) {
            while (cursor.hasNext()) {
                batch.add(toEntry(cursor.next()));
                if (batch.size() == size) {
                    work.accept(batch);
                    batch = new ArrayList<>(size);
                }
            }
        }
        if (!batch.isEmpty()) {
            work.accept(batch);
        }
    }

    /**
     * An entry as stored: what the {@code _id} already holds (the document id) and what is implied (a rule that is its
     * path, an absent routing) is left out. The journal is one insert per changed document, and on a relink of 100k
     * debug images its size was what the migrator's database spent its time on (profiled).
     */
    private static Document toDocument(JournalEntry entry) {
        List<Document> changes =
                entry.changes().stream().map(MongoRelinkJournal::toDocument).toList();
        Document document = new Document("_id", entry.id())
                .append(MIGRATION_ID, entry.migrationId())
                .append(TARGET, entry.target());
        if (entry.routing() != null) {
            document.append(ROUTING, entry.routing());
        }
        return document.append(CHANGES, changes);
    }

    private static Document toDocument(FieldChange change) {
        Document document = new Document(PATH, change.path());
        if (!change.rule().equals(change.path())) {
            document.append(RULE, change.rule());
        }
        return document.append("before", JournalValues.stored(change.before()))
                .append("after", JournalValues.stored(change.after()));
    }

    /** Reads entries of either shape: this one, and the one before it that also stored the document id and rules. */
    private static JournalEntry toEntry(Document doc) {
        List<FieldChange> changes = doc.getList(CHANGES, Document.class).stream()
                .map(c -> new FieldChange(
                        c.getString(c.containsKey(RULE) ? RULE : PATH),
                        c.getString(PATH),
                        JournalValues.read(c.get("before")),
                        JournalValues.read(c.get("after"))))
                .toList();
        String migrationId = doc.getString(MIGRATION_ID);
        String target = doc.getString(TARGET);
        String prefix = new JournalEntry(migrationId, target, "", List.of()).id();
        return new JournalEntry(
                migrationId, target, doc.getString("_id").substring(prefix.length()), changes, doc.getString(ROUTING));
    }
}
