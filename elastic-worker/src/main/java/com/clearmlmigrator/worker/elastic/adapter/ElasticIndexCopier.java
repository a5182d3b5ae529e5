package com.clearmlmigrator.worker.elastic.adapter;

import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.worker.elastic.config.ElasticWorkerConfig;
import com.clearmlmigrator.worker.elastic.copy.CopyEngine;
import com.clearmlmigrator.worker.elastic.copy.IndexCopier;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;

/**
 * Runs {@link CopyEngine} between the task's clusters over plain REST: ES 5.6, 6 and 7 sources ({@link
 * ElasticSourceIndex}); ES 7 and 8 targets ({@link ElasticTargetIndex}).
 */
@ApplicationScoped
public class ElasticIndexCopier implements IndexCopier {
    private final ElasticConnections connections;
    private final ProgressBeacon progress;
    private final DocumentLimits limits;
    private final int page;
    private final long bulkBytes;
    private final CopyEngine engine;
    private final ExecutorService bulkSenders;

    public ElasticIndexCopier(
            ManagedExecutor bulkSenders,
            ElasticConnections connections,
            ProgressBeacon progress,
            DocumentLimits limits,
            ElasticWorkerConfig config) {
        this.connections = connections;
        this.progress = progress;
        this.limits = limits;
        this.page = config.copyPageSize();
        this.bulkBytes = config.copyBulkBytes();
        this.engine = new CopyEngine(page);
        this.bulkSenders = bulkSenders;
    }

    @Override
    public CopyReport prepare(MigrationTask task) {
        return engine.prepare(task, target(task));
    }

    @Override
    public CopyReport copySlice(MigrationTask task) {
        return engine.copySlice(task, source(task), target(task));
    }

    @Override
    public CopyReport verify(MigrationTask task) {
        return engine.verify(task, source(task), target(task));
    }

    @Override
    public CopyReport copyIndex(MigrationTask task) {
        return engine.copyIndex(task, source(task), target(task));
    }

    private ElasticSourceIndex source(MigrationTask task) {
        return new ElasticSourceIndex(connections.client(task.source()), task.target(), limits);
    }

    private ElasticTargetIndex target(MigrationTask task) {
        return new ElasticTargetIndex(
                bulkSenders,
                connections.client(task.elastic()),
                task.target(),
                limits,
                page,
                bulkBytes,
                progress.counter(task.id()));
    }
}
