package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.clearmlmigrator.contracts.Topics;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Which migrations were cancelled, as the planner announces them on Kafka ({@link CancellationFeed}): the contract
 * topic is the only thing workers share with the planner about it, not its database.
 */
@ApplicationScoped
public class KafkaMigrationStatuses implements MigrationStatuses {
    private final CancellationFeed feed;

    /**
     * @param kafka every {@code kafka.*} setting of the worker (bootstrap servers, and security such as {@code
     *              security.protocol}, {@code sasl.*}, {@code ssl.*}), as its channels get them
     */
    public KafkaMigrationStatuses(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "worker.cancellations.catch-up-wait", defaultValue = "30s") Duration catchUpWait) {
        this.feed = new CancellationFeed(kafka, Topics.CANCELLATIONS, catchUpWait);
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
