package com.clearmlmigrator.worker.elastic.adapter;

import java.util.List;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.relink.ClearmlFields;
import com.clearmlmigrator.relink.FieldRule;
import com.clearmlmigrator.relink.LinkRewriter;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.worker.elastic.config.ElasticWorkerConfig;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;

/**
 * The index (or slice of one) a task works on, opened on the task's cluster with what every task of this worker shares:
 * its connections, its place for large documents, its bulk senders and its batch sizes. The copier and the relinker
 * only choose which of them a step needs.
 */
@ApplicationScoped
public class TaskIndices {
    private final ExecutorService bulkSenders;
    private final ElasticConnections connections;
    private final ProgressBeacon progress;
    private final DocumentLimits limits;
    private final ElasticWorkerConfig config;

    public TaskIndices(
            ManagedExecutor bulkSenders,
            ElasticConnections connections,
            ProgressBeacon progress,
            DocumentLimits limits,
            ElasticWorkerConfig config) {
        this.bulkSenders = bulkSenders;
        this.connections = connections;
        this.progress = progress;
        this.limits = limits;
        this.config = config;
    }

    /** The index a copy reads, on the task's source cluster. */
    ElasticSourceIndex copySource(MigrationTask task) {
        return new ElasticSourceIndex(connections.client(task.source()), task.target(), limits);
    }

    /** The index a copy writes, on the task's cluster, counting its documents into the task's progress. */
    ElasticTargetIndex copyTarget(MigrationTask task) {
        return new ElasticTargetIndex(
                bulkSenders,
                connections.client(task.elastic()),
                task.target(),
                limits,
                config.copyPageSize(),
                config.copyBulkBytes(),
                progress.counter(task.id()));
    }

    /** The slice a relink rewrites; a dry run reads only the fields it counts. */
    ElasticRelinkStore relinkStore(MigrationTask task) {
        return ElasticRelinkStore.forRelink(
                part(task),
                LinkRewriter.of(task.relink().from(), task.relink().to()).oldPrefixes(),
                task.relink().dryRun(),
                limits,
                config.relinkBatchBytes());
    }

    /** The index an undo restores, its documents read back by id. */
    ElasticRelinkStore undoStore(MigrationTask task) {
        return ElasticRelinkStore.forUndo(part(task), limits);
    }

    /** The rules of the task's relink that apply to its index. */
    static List<FieldRule> relinkRules(MigrationTask task) {
        return ClearmlFields.forIndex(task.target(), task.relink());
    }

    private ElasticRelinkStore.Part part(MigrationTask task) {
        return new ElasticRelinkStore.Part(
                bulkSenders,
                connections.client(task.elastic()),
                task.target(),
                task.slice(),
                relinkRules(task),
                ClearmlFields.isPlotIndex(task.target()));
    }
}
