package com.clearmlmigrator.worker.elastic.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.clearmlmigrator.stores.ElasticConnections;

/** The worker's pool of clients to users' Elasticsearch clusters, closed at shutdown. */
public class StoreClientsProducer {
    @Produces
    @Singleton
    ElasticConnections elasticConnections(ElasticWorkerConfig config) {
        return new ElasticConnections(config.connectTimeout(), config.answerTimeout());
    }

    void close(@Disposes ElasticConnections connections) {
        connections.close();
    }
}
