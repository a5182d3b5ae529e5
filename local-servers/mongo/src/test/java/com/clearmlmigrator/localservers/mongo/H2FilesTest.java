package com.clearmlmigrator.localservers.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The H2 files of a local stack across restarts: documents of every BSON type read back exactly, unique indexes keep
 * working, dropped and renamed collections stay so, and a file written by the stock H2 backend (a {@code .dev-stack}
 * from before {@link H2MapLayout}) opens with its documents converted and its indexes rebuilt.
 */
class H2FilesTest {
    private static final Function<MVStore, AbstractMongoBackend> OURS = IdLookupH2Backend::new;
    private static final Function<MVStore, AbstractMongoBackend> STOCK = H2Backend::new;

    @TempDir
    Path folder;

    @ParameterizedTest(name = "written by the {0} backend")
    @ValueSource(strings = {"stock", "our"})
    void uniqueIndexesHoldAcrossRestarts(String writer) {
        String file = file();
        withServer(writer.equals("stock") ? STOCK : OURS, file, H2FilesTest::seedModels);

        withServer(OURS, file, H2FilesTest::assertIndexesHold);
        withServer(OURS, file, H2FilesTest::assertIndexesHold);
    }

    @ParameterizedTest(name = "written by the {0} backend")
    @ValueSource(strings = {"stock", "our"})
    void documentsOfEveryTypeReadBackExactly(String writer) {
        String file = file();
        Document written = everyType();
        withServer(writer.equals("stock") ? STOCK : OURS, file, db -> models(db).insertOne(written));

        withServer(OURS, file, db -> assertEquals(written, models(db).find().first()));
        withServer(OURS, file, db -> assertEquals(written, models(db).find().first()));
    }

    @Test
    void droppedAndRenamedCollectionsStaySoAfterARestart() {
        String file = file();
        withServer(OURS, file, db -> {
            seedModels(db);
            db.getCollection("gone").insertOne(new Document("_id", 1));
            db.getCollection("gone").drop();
            models(db).renameCollection(new MongoNamespace(db.getName(), "model_archive"));
        });

        withServer(OURS, file, db -> {
            assertEquals(0, models(db).countDocuments());
            assertEquals(500, db.getCollection("model_archive").countDocuments());
            assertFalse(db.listCollectionNames().into(new ArrayList<>()).contains("gone"));
        });
    }

    @Test
    void aWriteThatAsksForTheJournalIsInTheFileWhenAnsweredEvenIfTheServerDiesRightAfter() {
        String file = file();
        MVStore store = new MVStore.Builder().fileName(file).open();
        store.setAutoCommitDelay(0); // no background commit: only the write's own may save it
        withServer(OURS, store, true, db -> {
            MongoCollection<Document> journal = db.getCollection("relink_journal");
            journal.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(true))
                    .insertOne(new Document("_id", "m1/model/d1"));
            journal.insertOne(new Document("_id", "m1/model/d2"));
        });

        withServer(
                OURS,
                file,
                db -> assertEquals(
                        List.of("m1/model/d1"),
                        db.getCollection("relink_journal")
                                .find()
                                .map(entry -> entry.getString("_id"))
                                .into(new ArrayList<>())));
    }

    private static void seedModels(MongoDatabase db) {
        models(db).createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
        models(db)
                .insertMany(IntStream.range(0, 500)
                        .mapToObj(i -> new Document("_id", "m" + i).append("name", "model " + i))
                        .toList());
    }

    private static void assertIndexesHold(MongoDatabase db) {
        MongoCollection<Document> models = models(db);
        assertEquals(500, models.countDocuments());
        assertEquals("model 42", models.find(Filters.eq("_id", "m42")).first().getString("name"));
        assertThrows(
                MongoWriteException.class,
                () -> models.insertOne(new Document("_id", "m7").append("name", "another")),
                "a second document with an _id in use");
        assertThrows(
                MongoWriteException.class,
                () -> models.insertOne(new Document("_id", "fresh").append("name", "model 7")),
                "a second document with a name in use");
        models.insertOne(new Document("_id", "m500").append("name", "model 500"));
        models.deleteOne(Filters.eq("_id", "m500"));
    }

    private static Document everyType() {
        return new Document("_id", new ObjectId())
                .append("name", "résumé ✓")
                .append("int", 7)
                .append("long", 7L)
                .append("double", 7.5)
                .append("decimal", Decimal128.parse("7.25"))
                .append("flag", true)
                .append("nothing", null)
                .append("created", new Date(1_700_000_000_123L))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("uuid", new Binary((byte) 4, new byte[16]))
                .append("list", List.of(1, "two", new Document("three", 3.0)))
                .append("nested", new Document("uri", "http://old/x").append("tags", List.of()));
    }

    private static MongoCollection<Document> models(MongoDatabase db) {
        return db.getCollection("model");
    }

    @Test
    void aFileMostlyOfFreedSpaceIsCompactedBeforeItOpensAndKeepsEveryLiveDocument() {
        String file = file();
        String payload = "x".repeat(2_000);
        MVStore store = withoutBackgroundCompaction(file);
        // Ended as the local stack's server is often ended, killed: a store that closes compacts what it can first.
        withServer(OURS, store, true, db -> {
            MongoCollection<Document> tasks = db.getCollection("task");
            for (int round = 0; round < 5; round++) {
                int r = round;
                tasks.deleteMany(new Document());
                tasks.insertMany(IntStream.range(0, 2_000)
                        .mapToObj(i ->
                                new Document("_id", "t" + i).append("round", r).append("p", payload))
                        .toList());
                store.commit(); // as the server does every second: each round's pages are written, the last freed
            }
            tasks.deleteMany(Filters.gte("_id", "t1"));
            store.commit();
        });
        long before = new java.io.File(file).length();

        assertTrue(StoreCompaction.compactIfMostlyFreed(file, 0));

        long after = new java.io.File(file).length();
        assertTrue(after < before / 2, "from " + before + " bytes to " + after);
        withServer(OURS, file, db -> {
            assertEquals(1, db.getCollection("task").countDocuments());
            assertEquals(4, db.getCollection("task").find().first().getInteger("round"));
        });
    }

    @Test
    void aFileMostlyLiveIsLeftAsItIs() {
        String file = file();
        withServer(OURS, withoutBackgroundCompaction(file), false, H2FilesTest::seedModels);
        long before = new java.io.File(file).length();

        assertFalse(StoreCompaction.compactIfMostlyFreed(file, 0));
        assertEquals(before, new java.io.File(file).length());
    }

    /** As {@code bin/dev-stack} opens it: nothing frees space in the background. */
    private static MVStore withoutBackgroundCompaction(String file) {
        return new MVStore.Builder().fileName(file).autoCompactFillRate(0).open();
    }

    private String file() {
        return folder.resolve("mongo-" + System.nanoTime() + ".mv").toString();
    }

    private static void withServer(
            Function<MVStore, AbstractMongoBackend> backendOn, String file, Consumer<MongoDatabase> work) {
        withServer(backendOn, new MVStore.Builder().fileName(file).open(), false, work);
    }

    /** @param crash whether the store ends as in a crash, writing nothing on the way out, instead of closing */
    private static void withServer(
            Function<MVStore, AbstractMongoBackend> backendOn,
            MVStore store,
            boolean crash,
            Consumer<MongoDatabase> work) {
        AbstractMongoBackend backend = backendOn.apply(store);
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            work.accept(client.getDatabase("backend"));
        } finally {
            if (crash) {
                store.closeImmediately();
            }
            server.shutdownNow();
            if (!store.isClosed()) {
                store.close();
            }
        }
    }
}
