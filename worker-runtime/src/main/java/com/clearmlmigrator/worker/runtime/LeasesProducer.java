package com.clearmlmigrator.worker.runtime;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;

/** Task leases in the migrator's own database, held for {@code worker.lease-time} (20 s) between heartbeats. */
public class LeasesProducer {
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
            @ConfigProperty(name = "worker.lease-time", defaultValue = "20s") Duration leaseTime) {
        return new LeaseClaims(leases, identity.id(), leaseTime);
    }
}
