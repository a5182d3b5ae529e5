package com.clearmlmigrator.worker.mongo.adapter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Against the MongoDB wire server the tests run everywhere. */
class MongoRelinkerTest {
    private final MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void rewritesModelUrisOnceEvenWhenReplayed() {
        RelinkExpectations.relinkRewritesModelUrisOnceEvenWhenReplayed(server.bindAndGetConnectionString());
    }

    @Test
    void theSameRelinkSubmittedAgainChangesNothing() {
        RelinkExpectations.theSameRelinkSubmittedAgainChangesNothing(server.bindAndGetConnectionString());
    }

    @Test
    void bothSpellingsOfAPathWithASpaceAreRewrittenEachInItsOwn() {
        RelinkExpectations.bothSpellingsOfAPathWithASpaceAreRewrittenEachInItsOwn(server.bindAndGetConnectionString());
    }

    @Test
    void aRelinkCancelledPartWayReportsWhatItChangedUntilThen() {
        RelinkExpectations.aRelinkCancelledPartWayReportsWhatItChangedUntilThen(server.bindAndGetConnectionString());
    }

    @Test
    void aRelinkThatFailsPartWayReportsWhatItChangedUntilThen() {
        RelinkExpectations.aRelinkThatFailsPartWayReportsWhatItChangedUntilThen(server.bindAndGetConnectionString());
    }
}
