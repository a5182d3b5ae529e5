package com.clearmlmigrator.planner.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskType;

/** Splits an inspect migration into one task per collection and one per ClearML index. */
@ApplicationScoped
public class InspectPlanner {
    private final CollectionCatalog collections;
    private final IndexCatalog indices;

    public InspectPlanner(CollectionCatalog collections, IndexCatalog indices) {
        this.collections = collections;
        this.indices = indices;
    }

    /** Collections first, then indices, each in catalog order, so planning again yields the same task ids. */
    public List<MigrationTask> plan(String migrationId, MigrationOrder order) {
        List<MigrationTask> tasks = new ArrayList<>();
        order.mongoEndpoint()
                .ifPresent(mongo -> collections
                        .collections(mongo)
                        .forEach(collection -> tasks.add(new MigrationTask(
                                new TaskId(migrationId, tasks.size()),
                                TaskType.INSPECT_COLLECTION,
                                collection,
                                mongo,
                                null))));
        order.elasticEndpoint()
                .ifPresent(elastic -> indices.clearmlIndices(elastic)
                        .forEach(index -> tasks.add(new MigrationTask(
                                new TaskId(migrationId, tasks.size()), TaskType.INSPECT_INDEX, index, null, elastic))));
        return tasks;
    }
}
