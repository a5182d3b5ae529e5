package com.clearmlmigrator.worker.mongo.adapter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.relink.UrlCensus;
import com.clearmlmigrator.stores.MongoConnections;
import com.clearmlmigrator.worker.mongo.inspect.CollectionInspector;
import com.clearmlmigrator.worker.mongo.inspect.ShapeProbes;
import com.clearmlmigrator.worker.mongo.inspect.ShapeProbes.ShapeProbe;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** Inspects a collection with read-only commands that MongoDB 4.4 to 7 and the wire server all answer. */
@ApplicationScoped
public class MongoCollectionInspector implements CollectionInspector {
    /** Documents read between two progress counts. */
    private static final int PROGRESS_STEP = 500;
    /**
     * Documents a reply holds at most. MongoDB keeps a batch under 16 MB by itself; the wire server of the dev stack
     * does not, and answered the census of 80,000 tasks in one reply of 49 MB, which the driver refuses (over 48 MB).
     */
    static final int BATCH = 500;

    private final MongoConnections connections;

    public MongoCollectionInspector(MongoConnections connections) {
        this.connections = connections;
    }

    @Override
    public CollectionInspection inspect(MongoEndpoint endpoint, String collection, LongConsumer scanned) {
        return connections.withDatabase(endpoint, db -> {
            Document stats = db.runCommand(new Document("collStats", collection));
            Map<String, Long> shapes = new LinkedHashMap<>();
            for (ShapeProbe probe : ShapeProbes.forCollection(collection)) {
                shapes.put(probe.name(), db.getCollection(collection).countDocuments(filter(probe)));
            }
            return new CollectionInspection(
                    endpoint.database(),
                    collection,
                    stats.get("count", Number.class).longValue(),
                    stats.get("size", Number.class).longValue(),
                    serverVersion(db),
                    shapes,
                    census(db, collection, scanned).counts());
        });
    }

    /** Reads only the fields that may hold references, in batches the server sizes, and counts their origins. */
    private static UrlCensus census(MongoDatabase db, String collection, LongConsumer scanned) {
        UrlCensus census = UrlCensus.ofCollection(collection);
        if (census.isEmpty()) {
            return census;
        }
        long[] read = {0};
        db.getCollection(collection)
                .find()
                .projection(Projections.include(census.fieldsToRead()))
                .batchSize(BATCH)
                .forEach(document -> {
                    census.take(document);
                    if (++read[0] % PROGRESS_STEP == 0) {
                        scanned.accept(PROGRESS_STEP);
                    }
                });
        scanned.accept(read[0] % PROGRESS_STEP);
        return census;
    }

    /**
     * {@code $type: "object"} also matches an array of embedded documents, so the map shape excludes arrays explicitly.
     */
    private static Bson filter(ShapeProbe probe) {
        Bson isArray = Filters.type(probe.field(), "array");
        return probe.list() ? isArray : Filters.and(Filters.type(probe.field(), "object"), Filters.nor(isArray));
    }

    private static String serverVersion(MongoDatabase db) {
        return db.runCommand(new Document("buildInfo", 1)).getString("version");
    }
}
