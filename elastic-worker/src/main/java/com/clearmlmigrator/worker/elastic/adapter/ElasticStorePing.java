package com.clearmlmigrator.worker.elastic.adapter;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.worker.runtime.StorePing;

/** Pings the clusters a task names: the one it works on and, for a copy, the one it reads from. */
@ApplicationScoped
public class ElasticStorePing implements StorePing {
    private final ElasticConnections connections;

    public ElasticStorePing(ElasticConnections connections) {
        this.connections = connections;
    }

    @Override
    public boolean answers(MigrationTask task, Duration within) {
        return Stream.of(task.elastic(), task.source())
                .filter(Objects::nonNull)
                .allMatch(cluster -> connections.answers(cluster, within));
    }
}
