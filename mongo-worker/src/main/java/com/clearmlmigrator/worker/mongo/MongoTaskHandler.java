package com.clearmlmigrator.worker.mongo;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.worker.mongo.inspect.CollectionInspector;
import com.clearmlmigrator.worker.mongo.relink.CollectionRelinker;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;
import com.clearmlmigrator.worker.runtime.TaskPerformer;

/** Performs the MongoDB task types. */
@ApplicationScoped
public class MongoTaskHandler implements TaskPerformer {
    private final CollectionInspector inspector;
    private final CollectionRelinker relinker;
    private final ProgressBeacon progress;

    public MongoTaskHandler(CollectionInspector inspector, CollectionRelinker relinker, ProgressBeacon progress) {
        this.inspector = inspector;
        this.relinker = relinker;
        this.progress = progress;
    }

    @Override
    public TaskReport perform(MigrationTask task) {
        return switch (task.type()) {
            case INSPECT_COLLECTION -> inspector.inspect(task.mongo(), task.target(), progress.counter(task.id())::add);
            case RELINK_COLLECTION -> relinker.relink(task);
            case UNDO_RELINK_COLLECTION -> relinker.undo(task);
            default ->
                throw new TaskFailedException(
                        FailureReason.BAD_INPUT, "mongo-worker does not handle " + task.type() + " tasks.");
        };
    }
}
