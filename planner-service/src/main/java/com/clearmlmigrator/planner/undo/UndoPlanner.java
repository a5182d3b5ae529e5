package com.clearmlmigrator.planner.undo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.migration.Migration.PlannedDocuments;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.MigrationPlan;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.TaskPlanner;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * Plans the undo of a relink: one task per collection and index the relink worked on, reading its journal. The plan
 * keeps how many documents the journal holds of each, those the undo restores, so its progress can say how far it is.
 */
@ApplicationScoped
public class UndoPlanner implements TaskPlanner {
    private final MigrationStore store;
    private final StoresJournal journal;

    public UndoPlanner(MigrationStore store, StoresJournal journal) {
        this.store = store;
        this.journal = journal;
    }

    @Override
    public MigrationPlan plan(String migrationId, MigrationOrder order) {
        String relinkId = order.relink().undoOf();
        Set<String> seen = new LinkedHashSet<>();
        List<MigrationTask> tasks = new ArrayList<>();
        List<PlannedDocuments> planned = new ArrayList<>();
        for (TaskState relinked : store.tasks(relinkId)) {
            boolean mongo = relinked.type().worker() == WorkerKind.MONGO;
            if (!seen.add((mongo ? "mongo:" : "elastic:") + relinked.target())) {
                continue;
            }
            planned.add(new PlannedDocuments(relinked.target(), journal.entries(relinkId, relinked.target())));
            TaskId id = new TaskId(migrationId, tasks.size());
            if (mongo) {
                tasks.add(new MigrationTask(
                        id,
                        TaskType.UNDO_RELINK_COLLECTION,
                        relinked.target(),
                        required(order.mongo(), "mongo"),
                        null,
                        order.relink(),
                        null,
                        null));
            } else {
                tasks.add(new MigrationTask(
                        id,
                        TaskType.UNDO_RELINK_INDEX,
                        relinked.target(),
                        null,
                        required(order.elastic(), "elastic"),
                        order.relink(),
                        null,
                        null));
            }
        }
        return MigrationPlan.of(tasks, planned);
    }

    private static <T> T required(T connection, String name) {
        if (connection == null) {
            throw new TaskFailedException(
                    FailureReason.BAD_INPUT,
                    "The relink changed data reached through '" + name + "'; the undo needs that connection too.");
        }
        return connection;
    }
}
