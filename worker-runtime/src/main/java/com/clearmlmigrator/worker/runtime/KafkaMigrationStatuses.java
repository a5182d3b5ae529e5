package com.clearmlmigrator.worker.runtime;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.clearmlmigrator.contracts.Topics;

import io.quarkus.runtime.StartupEvent;

/**
 * Which migrations were cancelled, as the planner announces them on Kafka ({@link CancellationFeed}): the contract
 * topic is the only thing workers share with the planner about it, not its database.
 */
@ApplicationScoped
public class KafkaMigrationStatuses implements MigrationStatuses {
    private final CancellationFeed feed;

    public KafkaMigrationStatuses(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "worker.cancellations.catch-up-wait", defaultValue = "30s") Duration catchUpWait) {
        this.feed = new CancellationFeed(bootstrapServers, Topics.CANCELLATIONS, catchUpWait);
    }

    /** Starts reading with the worker, so the feed has caught up before the first task arrives. */
    void start(@Observes StartupEvent startup) {
        feed.start();
    }

    @Override
    public boolean isCancelled(String migrationId) {
        return feed.isCancelled(migrationId);
    }

    @PreDestroy
    void stop() {
        feed.close();
    }
}
