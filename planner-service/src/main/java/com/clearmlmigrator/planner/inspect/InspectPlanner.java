package com.clearmlmigrator.planner.inspect;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.planner.catalog.CollectionCatalog;
import com.clearmlmigrator.planner.catalog.IndexCatalog;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.MigrationPlan;
import com.clearmlmigrator.planner.migration.TaskPlanner;

/**
 * Splits an inspect migration into one task per collection of each ClearML database (the requested one, and {@code auth}
 * where the server has it) and one per ClearML index.
 */
@ApplicationScoped
public class InspectPlanner implements TaskPlanner {
    private static final String AUTH_DATABASE = "auth";
    private final CollectionCatalog collections;
    private final IndexCatalog indices;

    public InspectPlanner(CollectionCatalog collections, IndexCatalog indices) {
        this.collections = collections;
        this.indices = indices;
    }

    /** Collections first, then indices, each in catalog order, so planning again yields the same task ids. */
    @Override
    public MigrationPlan plan(String migrationId, MigrationOrder order) {
        List<MigrationTask> tasks = new ArrayList<>();
        for (MongoEndpoint database :
                order.mongoEndpoint().map(this::clearmlDatabases).orElse(List.of())) {
            for (String collection : collections.collections(database)) {
                TaskId id = new TaskId(migrationId, tasks.size());
                tasks.add(MigrationTask.inspection(id, collection, database));
            }
        }
        for (ElasticEndpoint elastic : order.elasticEndpoint().stream().toList()) {
            for (String index : indices.clearmlIndices(elastic)) {
                TaskId id = new TaskId(migrationId, tasks.size());
                tasks.add(MigrationTask.inspection(id, index, elastic));
            }
        }
        return MigrationPlan.of(tasks);
    }

    /** ClearML keeps its data in the requested database (backend) and user credentials in {@code auth}. */
    private List<MongoEndpoint> clearmlDatabases(MongoEndpoint requested) {
        List<MongoEndpoint> databases = new ArrayList<>(List.of(requested));
        if (!requested.database().equals(AUTH_DATABASE)
                && collections.databases(requested).contains(AUTH_DATABASE)) {
            databases.add(new MongoEndpoint(requested.uri(), AUTH_DATABASE));
        }
        return databases;
    }
}
