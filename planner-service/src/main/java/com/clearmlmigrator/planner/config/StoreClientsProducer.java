package com.clearmlmigrator.planner.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.clearmlmigrator.planner.adapter.OpeningShards;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.stores.MongoConnections;
import com.clearmlmigrator.stores.TrustedAuthorities;

/** Clients to the users' stores, used while planning to list collections and indices; closed at shutdown. */
public class StoreClientsProducer {
    @Produces
    @Singleton
    MongoConnections mongoConnections(
            PlannerConfig config, @ConfigProperty(name = "migrator.tls.ca-file") Optional<Path> caFile) {
        return new MongoConnections(config.storeTimeout(), TrustedAuthorities.sslContext(caFile));
    }

    @Produces
    @Singleton
    ElasticConnections elasticConnections(
            PlannerConfig config, @ConfigProperty(name = "migrator.tls.ca-file") Optional<Path> caFile) {
        // Answers are awaited longer than Elasticsearch's own 30 s master timeout: a cluster that has not recovered its
        // state holds a read that long, then answers 503 (ClusterStarting), which planning waits out.
        return new ElasticConnections(
                config.storeTimeout(), Duration.ofSeconds(60), TrustedAuthorities.sslContext(caFile));
    }

    @Produces
    @Singleton
    OpeningShards openingShards(PlannerConfig config) {
        return OpeningShards.waitingUpTo(config.shardOpeningWait());
    }

    void closeMongo(@Disposes MongoConnections connections) {
        connections.close();
    }

    void closeElastic(@Disposes ElasticConnections connections) {
        connections.close();
    }
}
