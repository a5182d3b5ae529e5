package com.clearmlmigrator.worker.runtime.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.worker.runtime.MigrationStatuses;

import io.quarkus.test.Mock;

/** The cancellations a test announces, in place of the feed that reads them from Kafka. */
@Mock
@ApplicationScoped
public class CancelledMigrations implements MigrationStatuses {
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    public void cancel(String migrationId) {
        cancelled.add(migrationId);
    }

    @Override
    public boolean isCancelled(String migrationId) {
        return cancelled.contains(migrationId);
    }
}
