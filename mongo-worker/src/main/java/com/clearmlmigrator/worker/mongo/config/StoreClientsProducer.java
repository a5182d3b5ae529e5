package com.clearmlmigrator.worker.mongo.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.clearmlmigrator.stores.MongoConnections;

/** The worker's pool of clients to users' MongoDB servers, closed at shutdown. */
public class StoreClientsProducer {
    @Produces
    @Singleton
    MongoConnections mongoConnections(MongoWorkerConfig config) {
        return new MongoConnections(config.answerTimeout());
    }

    void close(@Disposes MongoConnections connections) {
        connections.close();
    }
}
