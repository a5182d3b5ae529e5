package com.clearmlmigrator.stores;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.Document;

import com.clearmlmigrator.relink.FieldChange;
import com.clearmlmigrator.relink.JournalEntry;
import com.clearmlmigrator.relink.RelinkJournal;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;

/**
 * The relink journal in the migrator's own MongoDB database ({@code relink_journal}), one document per migration,
 * target and document. Inserting an entry that exists is a no-op, so replayed tasks never overwrite the original
 * previous values.
 */
public final class MongoRelinkJournal implements RelinkJournal {
    private static final int DUPLICATE_KEY = 11000;
    private static final String MIGRATION_ID = "migrationId";
    private static final String TARGET = "target";

    private final MongoCollection<Document> entries;

    public MongoRelinkJournal(MongoCollection<Document> entries) {
        this.entries = entries;
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
    public void record(List<JournalEntry> newEntries) {
        List<Document> documents =
                newEntries.stream().map(MongoRelinkJournal::toDocument).toList();
        try {
            entries.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyExisting = e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyExisting) {
                throw e;
            }
        }
    }

    @Override
    public void forEachBatch(String migrationId, String target, int size, Consumer<List<JournalEntry>> work) {
        // Undo is rare and reads a migration's entries once: the index is made then (again is a no-op), not at start.
        entries.createIndex(Indexes.ascending(MIGRATION_ID, TARGET));
        List<JournalEntry> batch = new ArrayList<>(size);
        try (MongoCursor<Document> cursor = entries.find(
                        Filters.and(Filters.eq(MIGRATION_ID, migrationId), Filters.eq(TARGET, target)))
                .batchSize(size)
                .iterator()) {
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

    private static Document toDocument(JournalEntry entry) {
        List<Document> changes = entry.changes().stream()
                .map(c -> new Document("rule", c.rule())
                        .append("path", c.path())
                        .append("before", c.before())
                        .append("after", c.after()))
                .toList();
        return new Document("_id", entry.id())
                .append(MIGRATION_ID, entry.migrationId())
                .append(TARGET, entry.target())
                .append("documentId", entry.documentId())
                .append("routing", entry.routing())
                .append("changes", changes)
                .append("recordedAt", new Date());
    }

    private static JournalEntry toEntry(Document doc) {
        List<FieldChange> changes = doc.getList("changes", Document.class).stream()
                .map(c -> new FieldChange(c.getString("rule"), c.getString("path"), c.get("before"), c.get("after")))
                .toList();
        return new JournalEntry(
                doc.getString(MIGRATION_ID),
                doc.getString(TARGET),
                doc.getString("documentId"),
                changes,
                doc.getString("routing"));
    }
}
