package com.clearmlmigrator.worker.elastic.adapter;

import java.util.List;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.relink.ClearmlFields;
import com.clearmlmigrator.relink.DocumentRelinker;
import com.clearmlmigrator.relink.FieldRule;
import com.clearmlmigrator.relink.LinkRewriter;
import com.clearmlmigrator.relink.RelinkEngine;
import com.clearmlmigrator.relink.RelinkJournal;
import com.clearmlmigrator.relink.RelinkPass;
import com.clearmlmigrator.relink.RelinkProgress;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.worker.elastic.config.ElasticWorkerConfig;
import com.clearmlmigrator.worker.elastic.relink.IndexRelinker;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;

/** Runs {@link RelinkEngine} on one slice of an index of the task's cluster ({@link ElasticRelinkStore}). */
@ApplicationScoped
public class ElasticRelinker implements IndexRelinker {
    private static final int UNDO_BATCH = 500;
    // Undo reads journaled documents back whole by id: plots, of megabytes each, a few at a time.
    private static final int UNDO_PLOT_BATCH = 10;

    private final ElasticConnections connections;
    private final RelinkJournal journal;
    private final ProgressBeacon progress;
    private final DocumentLimits limits;
    private final long batchBytes;
    private final ExecutorService bulkSenders;

    public ElasticRelinker(
            ManagedExecutor bulkSenders,
            ElasticConnections connections,
            RelinkJournal journal,
            ProgressBeacon progress,
            DocumentLimits limits,
            ElasticWorkerConfig config) {
        this.connections = connections;
        this.journal = journal;
        this.progress = progress;
        this.limits = limits;
        this.batchBytes = config.relinkBatchBytes();
        this.bulkSenders = bulkSenders;
    }

    @Override
    public RelinkReport relink(MigrationTask task) {
        RelinkSpec spec = task.relink();
        RelinkPass pass = pass(task, spec.dryRun());
        if (pass.rewritesNothing()) {
            return pass.report(); // without asking the cluster for its version
        }
        try (ElasticRelinkStore store =
                ElasticRelinkStore.forRelink(part(task), spec.from(), spec.dryRun(), limits, batchBytes)) {
            return RelinkEngine.relink(pass, store, progress(task));
        }
    }

    @Override
    public RelinkReport undo(MigrationTask task) {
        boolean plots = ClearmlFields.isPlotIndex(task.target());
        try (ElasticRelinkStore store = ElasticRelinkStore.forUndo(part(task), limits)) {
            return RelinkEngine.undo(
                    pass(task, false),
                    journal,
                    task.relink().undoOf(),
                    task.target(),
                    plots ? UNDO_PLOT_BATCH : UNDO_BATCH,
                    store,
                    progress(task));
        }
    }

    private RelinkPass pass(MigrationTask task, boolean dryRun) {
        RelinkSpec spec = task.relink();
        DocumentRelinker relinker = new DocumentRelinker(
                LinkRewriter.of(spec.from(), spec.to()), rules(task), ClearmlFields.isPlotIndex(task.target()));
        return new RelinkPass(task.id(), task.target(), relinker, journal, dryRun);
    }

    private ElasticRelinkStore.Part part(MigrationTask task) {
        return new ElasticRelinkStore.Part(
                bulkSenders,
                connections.client(task.elastic()),
                task.target(),
                task.slice(),
                rules(task),
                ClearmlFields.isPlotIndex(task.target()));
    }

    private static List<FieldRule> rules(MigrationTask task) {
        return ClearmlFields.forIndex(task.target(), task.relink());
    }

    private RelinkProgress progress(MigrationTask task) {
        ProgressBeacon.Counter counter = progress.counter(task.id());
        return RelinkProgress.of(counter::add, counter::addChanged);
    }
}
