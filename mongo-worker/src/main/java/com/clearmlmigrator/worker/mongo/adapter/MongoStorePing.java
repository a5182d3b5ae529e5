package com.clearmlmigrator.worker.mongo.adapter;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.stores.MongoConnections;
import com.clearmlmigrator.worker.runtime.StorePing;

/** Pings the ClearML database a task works on. */
@ApplicationScoped
public class MongoStorePing implements StorePing {
    private final MongoConnections connections;

    public MongoStorePing(MongoConnections connections) {
        this.connections = connections;
    }

    @Override
    public boolean answers(MigrationTask task, Duration within) {
        return task.mongo() == null || connections.answers(task.mongo(), within);
    }
}
