package com.clearmlmigrator.worker.runtime.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.worker.runtime.MigrationStatuses;

import io.quarkus.test.Mock;

/** The cancellations and ends a test announces, in place of the feed that reads them from Kafka. */
@Mock
@ApplicationScoped
public class ClosedMigrations implements MigrationStatuses {
    private final Map<String, MigrationClosed> closed = new ConcurrentHashMap<>();

    public void cancel(String migrationId) {
        closed.put(migrationId, MigrationClosed.cancelled(migrationId, Instant.now()));
    }

    public void end(String migrationId, MigrationStatus status, Instant at) {
        closed.put(migrationId, new MigrationClosed(migrationId, at, status));
    }

    @Override
    public Optional<MigrationClosed> closure(String migrationId) {
        return Optional.ofNullable(closed.get(migrationId));
    }
}
