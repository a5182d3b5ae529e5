package com.clearmlmigrator.worker.elastic.adapter;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.relink.ClearmlFields;
import com.clearmlmigrator.relink.DocumentRelinker;
import com.clearmlmigrator.relink.LinkRewriter;
import com.clearmlmigrator.relink.RelinkEngine;
import com.clearmlmigrator.relink.RelinkJournal;
import com.clearmlmigrator.relink.RelinkPass;
import com.clearmlmigrator.relink.RelinkProgress;
import com.clearmlmigrator.worker.elastic.relink.IndexRelinker;
import com.clearmlmigrator.worker.runtime.PartWay;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;

/** Runs {@link RelinkEngine} on one slice of an index of the task's cluster ({@link ElasticRelinkStore}). */
@ApplicationScoped
public class ElasticRelinker implements IndexRelinker {
    private static final int UNDO_BATCH = 500;
    // Undo reads journaled documents back whole by id: plots, of megabytes each, a few at a time.
    private static final int UNDO_PLOT_BATCH = 10;

    private final TaskIndices indices;
    private final RelinkJournal journal;
    private final ProgressBeacon progress;

    public ElasticRelinker(TaskIndices indices, RelinkJournal journal, ProgressBeacon progress) {
        this.indices = indices;
        this.journal = journal;
        this.progress = progress;
    }

    @Override
    public RelinkReport relink(MigrationTask task) {
        RelinkPass pass = pass(task, task.relink().dryRun());
        if (pass.rewritesNothing()) {
            return pass.report(); // without asking the cluster for its version
        }
        try (ElasticRelinkStore store = indices.relinkStore(task)) {
            return PartWay.reporting(() -> RelinkEngine.relink(pass, store, progress(task)), () -> soFar(pass, store));
        }
    }

    @Override
    public RelinkReport undo(MigrationTask task) {
        boolean plots = ClearmlFields.isPlotIndex(task.target());
        RelinkPass pass = pass(task, false);
        try (ElasticRelinkStore store = indices.undoStore(task)) {
            return PartWay.reporting(
                    () -> RelinkEngine.undo(
                            pass,
                            journal,
                            task.relink().undoOf(),
                            task.target(),
                            plots ? UNDO_PLOT_BATCH : UNDO_BATCH,
                            store,
                            progress(task)),
                    () -> soFar(pass, store));
        }
    }

    /**
     * What a task stopped by a cancel or ended by a failure changed until then, its bulk in flight included (which the
     * task's end waits for in any case).
     */
    private static RelinkReport soFar(RelinkPass pass, ElasticRelinkStore store) {
        store.countWritesInFlight();
        return pass.report();
    }

    private RelinkPass pass(MigrationTask task, boolean dryRun) {
        RelinkSpec spec = task.relink();
        DocumentRelinker relinker = new DocumentRelinker(
                LinkRewriter.of(spec.from(), spec.to()),
                TaskIndices.relinkRules(task),
                ClearmlFields.isPlotIndex(task.target()));
        return new RelinkPass(task.id(), task.target(), relinker, journal, dryRun);
    }

    private RelinkProgress progress(MigrationTask task) {
        ProgressBeacon.Counter counter = progress.counter(task.id());
        return RelinkProgress.of(counter::add, counter::addChanged, counter::answered);
    }
}
