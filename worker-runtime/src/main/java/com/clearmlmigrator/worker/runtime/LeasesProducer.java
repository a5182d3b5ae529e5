package com.clearmlmigrator.worker.runtime;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.clearmlmigrator.service.runtime.OutageRetry;
import com.clearmlmigrator.service.runtime.ShutdownSignal;
import com.mongodb.client.MongoClient;

/** Task leases in the migrator's own database, held for {@code worker.lease-time} (20 s) between heartbeats. */
public class LeasesProducer {
    /** How often a worker asks again for a lease while the migrator's MongoDB is away. */
    private static final Duration STORE_PAUSE = Duration.ofSeconds(2);

    @Produces
    @Singleton
    TaskLeases taskLeases(
            MongoClient migratorDatabase,
            @ConfigProperty(name = "worker.migrator-database", defaultValue = "clearml_migrator") String database) {
        return new MongoTaskLeases(migratorDatabase.getDatabase(database));
    }

    @Produces
    @Singleton
    LeaseClaims leaseClaims(
            TaskLeases leases,
            WorkerIdentity identity,
            @ConfigProperty(name = "worker.lease-time", defaultValue = "20s") Duration leaseTime,
            ShutdownSignal shutdown) {
        return new LeaseClaims(leases, identity.id(), leaseTime, new OutageRetry(STORE_PAUSE, shutdown));
    }
}
