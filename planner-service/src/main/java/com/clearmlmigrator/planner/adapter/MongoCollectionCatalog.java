package com.clearmlmigrator.planner.adapter;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.planner.catalog.CollectionCatalog;
import com.clearmlmigrator.stores.MongoConnections;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/** Lists the collections of a user's ClearML database. */
@ApplicationScoped
public class MongoCollectionCatalog implements CollectionCatalog {
    private final MongoConnections connections;

    public MongoCollectionCatalog(MongoConnections connections) {
        this.connections = connections;
    }

    @Override
    public List<String> collections(MongoEndpoint endpoint) {
        List<String> names = connections.withDatabase(
                endpoint, db -> db.listCollectionNames().into(new ArrayList<>()));
        return names.stream()
                .filter(name -> !name.startsWith("system."))
                .sorted()
                .toList();
    }

    @Override
    public List<String> databases(MongoEndpoint endpoint) {
        return connections.withClient(
                endpoint, client -> client.listDatabaseNames().into(new ArrayList<>()));
    }

    @Override
    public long documents(MongoEndpoint endpoint, String collection) {
        return connections.withDatabase(
                endpoint, db -> db.getCollection(collection).estimatedDocumentCount());
    }

    @Override
    public CollectionChunks chunks(MongoEndpoint endpoint, String collection, int chunkSize) {
        return connections.withDatabase(endpoint, db -> {
            MongoCollection<Document> documents = db.getCollection(collection);
            long count = documents.countDocuments();
            boolean stringIds = documents.countDocuments(Filters.not(Filters.type("_id", "string"))) == 0;
            List<String> boundaries = new ArrayList<>();
            if (!stringIds || count <= chunkSize) {
                return new CollectionChunks(count, boundaries);
            }
            // One pass over the ids in order, keeping every chunkSize-th: MongoDB answers it from the _id index alone.
            // A sorted query with skip per boundary walks the index again for each one (quadratic on big
            // collections), and the wire server of our tests sorts the whole collection for each.
            long seen = 0;
            for (Document id : documents
                    .find()
                    .sort(Sorts.ascending("_id"))
                    .projection(Projections.include("_id"))
                    .batchSize(10_000)) {
                if (seen > 0 && seen % chunkSize == 0) {
                    boundaries.add(id.getString("_id"));
                }
                seen++;
            }
            return new CollectionChunks(count, boundaries);
        });
    }
}
