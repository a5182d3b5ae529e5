package com.clearmlmigrator.synthetic;

import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/** Writes a dataset's collections into a MongoDB database, dropping what was there. */
public final class MongoSeeder {
    private static final int BATCH = 1_000;

    private final String uri;

    public MongoSeeder(String uri) {
        this.uri = uri;
    }

    /** Replaces each collection's content; returns the number of documents written. */
    public int seed(String database, Map<String, List<Map<String, Object>>> collections) {
        int written = 0;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(database);
            for (var entry : collections.entrySet()) {
                var collection = db.getCollection(entry.getKey());
                collection.drop();
                List<Document> documents =
                        entry.getValue().stream().map(Document::new).toList();
                for (int from = 0; from < documents.size(); from += BATCH) {
                    collection.insertMany(documents.subList(from, Math.min(documents.size(), from + BATCH)));
                }
                written += documents.size();
            }
        }
        return written;
    }
}
