package com.clearmlmigrator.worker.mongo.adapter;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** Against real MongoDB images of the versions ClearML ships; skipped where Docker is not available. */
@Testcontainers(disabledWithoutDocker = true)
class MongoWorkerContainerIT {
    @Container
    static final MongoDBContainer MONGO_4_4 = new MongoDBContainer("mongo:4.4");

    @Container
    static final MongoDBContainer MONGO_6 = new MongoDBContainer("mongo:6.0");

    @Test
    void reportsCountsSizesAndBothArtifactShapesOnMongo44() {
        InspectionExpectations.inspectorReportsCountsAndBothArtifactShapes(MONGO_4_4.getConnectionString());
    }

    @Test
    void reportsCountsSizesAndBothArtifactShapesOnMongo6() {
        InspectionExpectations.inspectorReportsCountsAndBothArtifactShapes(MONGO_6.getConnectionString());
    }

    @Test
    void relinkRewritesOnceEvenWhenReplayedOnMongo44() {
        RelinkExpectations.relinkRewritesModelUrisOnceEvenWhenReplayed(MONGO_4_4.getConnectionString());
    }

    @Test
    void relinkRewritesOnceEvenWhenReplayedOnMongo6() {
        RelinkExpectations.relinkRewritesModelUrisOnceEvenWhenReplayed(MONGO_6.getConnectionString());
    }
}
