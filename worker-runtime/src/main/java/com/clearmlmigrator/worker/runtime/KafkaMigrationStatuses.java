package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Which migrations were cancelled or have ended, as the planner announces them on Kafka ({@link ClosedMigrationsFeed}):
 * the contract topic is the only thing workers share with the planner about it, not its database.
 */
@ApplicationScoped
public class KafkaMigrationStatuses implements MigrationStatuses {
    private final ClosedMigrationsFeed feed;

    /**
     * @param kafka every {@code kafka.*} setting of the worker (bootstrap servers, and security such as {@code
     *              security.protocol}, {@code sasl.*}, {@code ssl.*}), as its channels get them
     */
    public KafkaMigrationStatuses(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "worker.closed-migrations.catch-up-wait", defaultValue = "30s") Duration catchUpWait,
            ObjectMapper json) {
        this.feed = new ClosedMigrationsFeed(kafka, Topics.CLOSED_MIGRATIONS, catchUpWait, json);
    }

    /** Starts reading with the worker, so the feed has caught up before the first task arrives. */
    void start(@Observes StartupEvent startup) {
        feed.start();
    }

    @Override
    public Optional<MigrationClosed> closure(String migrationId) {
        return feed.closure(migrationId);
    }

    @PreDestroy
    void stop() {
        feed.close();
    }
}
