package com.clearmlmigrator.worker.elastic.adapter;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.worker.elastic.config.ElasticWorkerConfig;
import com.clearmlmigrator.worker.elastic.copy.CopyEngine;
import com.clearmlmigrator.worker.elastic.copy.IndexCopier;

/**
 * Runs {@link CopyEngine} between the task's clusters over plain REST: ES 5.6, 6 and 7 sources ({@link
 * ElasticSourceIndex}); ES 7 and 8 targets ({@link ElasticTargetIndex}).
 */
@ApplicationScoped
public class ElasticIndexCopier implements IndexCopier {
    private final TaskIndices indices;
    private final CopyEngine engine;

    public ElasticIndexCopier(
            TaskIndices indices,
            ElasticWorkerConfig config,
            @ConfigProperty(name = "smallrye.messaging.worker.tasks.max-concurrency") int tasksAtOnce) {
        this.indices = indices;
        this.engine = new CopyEngine(config.copyPageSize(), tasksAtOnce);
    }

    @Override
    public CopyReport prepare(MigrationTask task) {
        return engine.prepare(task, indices.copyTarget(task));
    }

    @Override
    public CopyReport copySlice(MigrationTask task) {
        return engine.copySlice(task, indices.copySource(task), indices.copyTarget(task));
    }

    @Override
    public CopyReport verify(MigrationTask task) {
        return engine.verify(task, indices.copySource(task), indices.copyTarget(task));
    }

    @Override
    public CopyReport copyIndex(MigrationTask task) {
        return engine.copyIndex(task, indices.copySource(task), indices.copyTarget(task));
    }
}
