package com.clearmlmigrator.worker.elastic.config;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.clearmlmigrator.relink.RelinkJournal;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.stores.MongoRelinkJournal;
import com.clearmlmigrator.stores.TrustedAuthorities;
import com.clearmlmigrator.worker.elastic.adapter.DocumentLimits;
import com.mongodb.client.MongoClient;

/** The worker's pool of clients to users' Elasticsearch clusters, closed at shutdown. */
public class StoreClientsProducer {
    @Produces
    @Singleton
    ElasticConnections elasticConnections(
            ElasticWorkerConfig config, @ConfigProperty(name = "migrator.tls.ca-file") Optional<Path> caFile) {
        return new ElasticConnections(
                config.connectTimeout(), config.answerTimeout(), TrustedAuthorities.sslContext(caFile));
    }

    /** The relink journal lives in the migrator's own database, reached through the Quarkus default client. */
    @Produces
    @Singleton
    RelinkJournal relinkJournal(MongoClient migratorDatabase, ElasticWorkerConfig config) {
        return new MongoRelinkJournal(migratorDatabase.getDatabase(config.journalDatabase()));
    }

    /** The worker's document size limits, the largest by default a share of this JVM's heap. */
    @Produces
    @Singleton
    DocumentLimits documentLimits(ElasticWorkerConfig config) {
        long max = config.maxDocumentBytes()
                .orElse(DocumentLimits.defaultMaxBytes(Runtime.getRuntime().maxMemory()));
        return new DocumentLimits(Math.min(config.largeDocumentBytes(), max), max);
    }

    void close(@Disposes ElasticConnections connections) {
        connections.close();
    }
}
