package com.clearmlmigrator.worker.elastic;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.worker.elastic.copy.IndexCopier;
import com.clearmlmigrator.worker.elastic.inspect.IndexInspector;
import com.clearmlmigrator.worker.elastic.relink.IndexRelinker;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;
import com.clearmlmigrator.worker.runtime.TaskPerformer;

/** Performs the Elasticsearch task types. */
@ApplicationScoped
public class ElasticTaskHandler implements TaskPerformer {
    private final IndexInspector inspector;
    private final IndexRelinker relinker;
    private final IndexCopier copier;
    private final ProgressBeacon progress;

    public ElasticTaskHandler(
            IndexInspector inspector, IndexRelinker relinker, IndexCopier copier, ProgressBeacon progress) {
        this.inspector = inspector;
        this.relinker = relinker;
        this.copier = copier;
        this.progress = progress;
    }

    @Override
    public TaskReport perform(MigrationTask task) {
        return switch (task.type()) {
            case INSPECT_INDEX -> inspector.inspect(task.elastic(), task.target(), progress.counter(task.id())::add);
            case RELINK_INDEX -> relinker.relink(task);
            case UNDO_RELINK_INDEX -> relinker.undo(task);
            case PREPARE_COPY -> copier.prepare(task);
            case COPY_SLICE -> copier.copySlice(task);
            case VERIFY_COPY -> copier.verify(task);
            case COPY_INDEX -> copier.copyIndex(task);
            default ->
                throw new TaskFailedException(
                        FailureReason.BAD_INPUT, "elastic-worker does not handle " + task.type() + " tasks.");
        };
    }
}
