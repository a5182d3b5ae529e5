package com.clearmlmigrator.planner.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.planner.catalog.CollectionCatalog;
import com.clearmlmigrator.planner.catalog.IndexCatalog;
import com.clearmlmigrator.planner.migration.Migration.PlannedDocuments;
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

    /**
     * Collections first, then indices, each in catalog order, so planning again yields the same task ids. The plan
     * keeps what each held, from the stores' own counts (no scan), so the progress can say how far the inspection is.
     */
    @Override
    public MigrationPlan plan(String migrationId, MigrationOrder order) {
        List<MigrationTask> tasks = new ArrayList<>();
        List<PlannedDocuments> planned = new ArrayList<>();
        for (MongoEndpoint database :
                order.mongoEndpoint().map(this::clearmlDatabases).orElse(List.of())) {
            for (String collection : collections.collections(database)) {
                TaskId id = new TaskId(migrationId, tasks.size());
                tasks.add(MigrationTask.inspection(id, collection, database));
                planned.add(new PlannedDocuments(collection, collections.documents(database, collection)));
            }
        }
        for (ElasticEndpoint elastic : order.elasticEndpoint().stream().toList()) {
            List<String> names = indices.clearmlIndices(elastic);
            // A closed or red index cannot be counted; its inspection fails naming it, having counted nothing.
            Set<String> unreadable = indices.unreadableClearmlIndices(elastic).keySet();
            Map<String, Long> documents = indices.documentCounts(
                    elastic,
                    names.stream().filter(name -> !unreadable.contains(name)).toList());
            for (String index : names) {
                TaskId id = new TaskId(migrationId, tasks.size());
                tasks.add(MigrationTask.inspection(id, index, elastic));
                planned.add(new PlannedDocuments(index, documents.getOrDefault(index, 0L)));
            }
        }
        return MigrationPlan.of(tasks, planned);
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
