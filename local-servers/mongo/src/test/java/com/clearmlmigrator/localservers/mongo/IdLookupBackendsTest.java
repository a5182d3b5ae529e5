package com.clearmlmigrator.localservers.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;

/** Both backends the local MongoDB runs on: memory (tests) and H2 files ({@code bin/dev-stack}, {@code bin/demo}). */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"memory", "h2"})
class IdLookupBackendsTest {
    private final String backendKind;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> tasks;

    IdLookupBackendsTest(String backendKind) {
        this.backendKind = backendKind;
    }

    private AbstractMongoBackend backend() {
        return backendKind.equals("h2") ? new IdLookupH2Backend(MVStore.open(null)) : new IdLookupMemoryBackend();
    }

    @BeforeEach
    void start() {
        AbstractMongoBackend backend = backend();
        backend.version(ServerVersion.MONGO_5_0);
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
        tasks = client.getDatabase("backend").getCollection("task");
        tasks.insertMany(IntStream.range(0, 100)
                .mapToObj(i -> new Document("_id", "t" + i).append("uri", "http://old/" + i))
                .toList());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void conditionalUpdatesByIdStillCheckTheirOtherConditions() {
        var result = tasks.bulkWrite(List.of(
                new UpdateOneModel<>(
                        new Document("_id", "t1").append("uri", "http://old/1"), Updates.set("uri", "http://new/1")),
                new UpdateOneModel<>(
                        new Document("_id", "t2").append("uri", "http://elsewhere/2"),
                        Updates.set("uri", "http://new/2"))));

        assertEquals(1, result.getMatchedCount());
        assertEquals("http://new/1", tasks.find(Filters.eq("_id", "t1")).first().getString("uri"));
        assertEquals("http://old/2", tasks.find(Filters.eq("_id", "t2")).first().getString("uri"));
    }

    @Test
    void findsByIdAndOtherFieldsLikeBefore() {
        assertEquals(1, count(new Document("_id", "t5").append("uri", "http://old/5")));
        assertEquals(0, count(new Document("_id", "t5").append("uri", "http://old/6")));
        assertEquals(0, count(new Document("_id", "missing").append("uri", "http://old/5")));
        assertEquals(2, count(new Document("_id", new Document("$in", List.of("t1", "t2")))));
        assertTrue(count(new Document("uri", new Document("$regex", "^http://old/"))) == 100);
    }

    @Test
    void findsRangesOfStringIdsWithTheirBoundsAndOtherConditions() {
        // Ids t0..t99 sort as strings: t1, t10..t19, t2, t20...
        assertEquals(11, count(new Document("_id", new Document("$gte", "t1").append("$lt", "t2"))));
        assertEquals(10, count(new Document("_id", new Document("$gt", "t1").append("$lt", "t2"))));
        assertEquals(12, count(new Document("_id", new Document("$gte", "t1").append("$lte", "t2"))));
        assertEquals(88, count(new Document("_id", new Document("$gte", "t2"))), "t2..t9 with their two-digit ids");
        assertEquals(12, count(new Document("_id", new Document("$lt", "t2"))), "t0, t1 and t10..t19");
        assertEquals(
                1,
                count(new Document("_id", new Document("$gte", "t1").append("$lt", "t2"))
                        .append("uri", "http://old/15")));
        tasks.insertOne(new Document("_id", 5).append("uri", "http://old/number"));
        assertEquals(
                0,
                count(new Document("_id", new Document("$gte", "").append("$lt", "u"))
                        .append("uri", "http://old/number")));
        assertEquals(1, count(new Document("_id", new Document("$gte", 0))));
    }

    @Test
    void findsTheIdsOfAnInListWithTheirOtherConditions() {
        assertEquals(2, count(new Document("_id", new Document("$in", List.of("t1", "t2", "t2", "missing")))));
        assertEquals(
                1, count(new Document("_id", new Document("$in", List.of("t1", "t2"))).append("uri", "http://old/2")));
        assertEquals(0, count(new Document("_id", new Document("$in", List.of()))));
        var updated = tasks.updateMany(
                new Document("_id", new Document("$in", List.of("t3", "t4"))).append("uri", "http://old/3"),
                Updates.set("uri", "http://new/3"));
        assertEquals(1, updated.getModifiedCount());
    }

    private long count(Document filter) {
        return tasks.countDocuments(filter);
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
