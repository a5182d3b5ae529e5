package com.clearmlmigrator.worker.mongo.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.stores.MongoConnections;
import com.clearmlmigrator.stores.TrustedAuthorities;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Against the MongoDB wire server the tests run everywhere. */
class MongoCollectionInspectorTest {
    private final MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void reportsCountsSizesAndBothArtifactShapes() {
        InspectionExpectations.inspectorReportsCountsAndBothArtifactShapes(server.bindAndGetConnectionString());
    }

    /** Seen on the dev stack: the census of 80,000 tasks failed, "refused the request (code -3)". */
    @Test
    void readsACollectionLargerThanOneReplyMayCarryInBatches() {
        String uri = server.bindAndGetConnectionString();
        String script = "x".repeat(30_000);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> tasks = client.getDatabase("backend").getCollection("task");
            for (int from = 0; from < 2_000; from += 500) {
                List<Document> documents = new ArrayList<>();
                for (int i = from; i < from + 500; i++) {
                    documents.add(new Document("_id", "t" + i)
                            .append("execution", new Document("artifacts", List.of()).append("script", script)));
                }
                tasks.insertMany(documents);
            }
        }
        AtomicLong scanned = new AtomicLong();

        try (MongoConnections connections =
                new MongoConnections(Duration.ofSeconds(30), TrustedAuthorities.jvmOnly())) {
            CollectionInspection inspection = new MongoCollectionInspector(connections)
                    .inspect(new MongoEndpoint(uri, "backend"), "task", scanned::addAndGet);

            assertThat(inspection.documents()).isEqualTo(2_000);
            assertThat(scanned)
                    .as("60 MB read in replies of at most %d documents", MongoCollectionInspector.BATCH)
                    .hasValue(2_000);
        }
    }
}
