package com.clearmlmigrator.planner.target;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.planner.domain.CollectionCatalog;
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
    public List<String> idBoundaries(MongoEndpoint endpoint, String collection, int chunkSize) {
        return connections.withDatabase(endpoint, db -> {
            MongoCollection<Document> documents = db.getCollection(collection);
            long count = documents.countDocuments();
            boolean stringIds = documents.countDocuments(Filters.not(Filters.type("_id", "string"))) == 0;
            List<String> boundaries = new ArrayList<>();
            for (long at = chunkSize; stringIds && at < count; at += chunkSize) {
                Document cut = documents
                        .find()
                        .sort(Sorts.ascending("_id"))
                        .skip((int) at)
                        .limit(1)
                        .projection(Projections.include("_id"))
                        .first();
                if (cut != null) {
                    boundaries.add(cut.getString("_id"));
                }
            }
            return boundaries;
        });
    }
}
