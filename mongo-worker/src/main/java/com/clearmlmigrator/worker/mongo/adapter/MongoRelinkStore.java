package com.clearmlmigrator.worker.mongo.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.clearmlmigrator.contracts.IdRange;
import com.clearmlmigrator.relink.JournalEntry;
import com.clearmlmigrator.relink.PlannedWrite;
import com.clearmlmigrator.relink.RelinkPass;
import com.clearmlmigrator.relink.RelinkStore;
import com.clearmlmigrator.relink.StoredDocument;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * One id range of a collection: read in batches of only the fields the rules touch, and written back with conditional
 * unordered bulk updates (no transactions, no pipeline updates: the MongoDB wire server in our tests has neither, and no
 * ClearML MongoDB version needs them this way).
 */
final class MongoRelinkStore implements RelinkStore {
    static final int BATCH = 500;

    private final MongoCollection<Document> collection;
    private final Bson range;
    private final Bson fields;
    private final MongoConditionalWriter writer = new MongoConditionalWriter();

    MongoRelinkStore(MongoCollection<Document> collection, IdRange range, List<String> fields) {
        this.collection = collection;
        this.range = range(range);
        this.fields = Projections.include(fields);
    }

    @Override
    public void scan(Consumer<List<StoredDocument>> batches) {
        List<StoredDocument> batch = new ArrayList<>(BATCH);
        // No sort: batches are independent, and the MongoDB wire server would sort the whole range on every query
        // (measured: a quarter of its time in a relink of 20,000 tasks).
        for (Document doc : collection.find(range).projection(fields).batchSize(BATCH)) {
            batch.add(stored(doc));
            if (batch.size() == BATCH) {
                batches.accept(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            batches.accept(batch);
        }
    }

    @Override
    public void write(List<PlannedWrite> writes, RelinkPass pass) {
        writer.write(collection, writes, pass);
    }

    @Override
    public void flush() {
        // Every write ended before write() returned.
    }

    @Override
    public void scanToVerify(Consumer<List<StoredDocument>> batches) {
        scan(batches);
    }

    @Override
    public void fetch(Collection<JournalEntry> entries, Consumer<List<StoredDocument>> batches) {
        List<String> ids = entries.stream().map(JournalEntry::documentId).toList();
        List<StoredDocument> documents = new ArrayList<>();
        for (Document doc : collection.find(Filters.in("_id", ids))) {
            documents.add(stored(doc));
        }
        batches.accept(documents);
    }

    private static StoredDocument stored(Document doc) {
        return new StoredDocument(String.valueOf(doc.get("_id")), doc, doc.get("_id"));
    }

    /**
     * The id range as one condition on {@code _id} ({@code {_id: {$gte: a, $lt: b}}}), not the driver's {@code $and} of
     * two: the same to MongoDB, and the form the MongoDB wire server of the local stack reads through its {@code _id}
     * index, where an {@code $and} made every part scan the whole collection (minutes per part on H2).
     */
    private static Bson range(IdRange range) {
        Document bounds = new Document();
        if (range != null && range.fromInclusive() != null) {
            bounds.append("$gte", range.fromInclusive());
        }
        if (range != null && range.toExclusive() != null) {
            bounds.append("$lt", range.toExclusive());
        }
        return bounds.isEmpty() ? new Document() : new Document("_id", bounds);
    }
}
