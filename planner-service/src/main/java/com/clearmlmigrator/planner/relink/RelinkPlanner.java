package com.clearmlmigrator.planner.relink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.IdRange;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkSpec;
import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.catalog.CollectionCatalog;
import com.clearmlmigrator.planner.catalog.CollectionCatalog.CollectionChunks;
import com.clearmlmigrator.planner.catalog.IndexCatalog;
import com.clearmlmigrator.planner.catalog.IndexNames;
import com.clearmlmigrator.planner.migration.Migration.PlannedDocuments;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.MigrationPlan;
import com.clearmlmigrator.planner.migration.TaskPlanner;
import com.clearmlmigrator.relink.ClearmlFields;

/**
 * Splits a relink into one task per id range of every collection that has reference fields, and one per scroll slice
 * of every index that has them (debug images, plots, logs when included, extra fields).
 */
@ApplicationScoped
public class RelinkPlanner implements TaskPlanner {
    private final CollectionCatalog collections;
    private final IndexCatalog indices;
    private final RelinkChunking chunking;

    public RelinkPlanner(CollectionCatalog collections, IndexCatalog indices, RelinkChunking chunking) {
        this.collections = collections;
        this.indices = indices;
        this.chunking = chunking;
    }

    @Override
    public MigrationPlan plan(String migrationId, MigrationOrder order) {
        RelinkSpec spec = order.relink();
        List<MigrationTask> tasks = new ArrayList<>();
        List<PlannedDocuments> planned = new ArrayList<>();
        for (MongoEndpoint mongo : order.mongoEndpoint().stream().toList()) {
            for (String collection : collections.collections(mongo)) {
                if (!ClearmlFields.forCollection(collection, spec).isEmpty()) {
                    planCollection(migrationId, mongo, collection, spec, tasks, planned);
                }
            }
        }
        for (ElasticEndpoint elastic : order.elasticEndpoint().stream().toList()) {
            planIndices(migrationId, elastic, spec, tasks, planned);
        }
        return MigrationPlan.of(tasks, planned);
    }

    /**
     * The largest indices first: tasks are sent in plan order, and a large slice started last would run alone at the
     * end while the other slots idle (100,000 debug images planned after 5 plot slices ran alone for about 11 of a
     * relink's 17 seconds).
     */
    private void planIndices(
            String migrationId,
            ElasticEndpoint elastic,
            RelinkSpec spec,
            List<MigrationTask> tasks,
            List<PlannedDocuments> planned) {
        List<String> relinked = indices.clearmlIndices(elastic).stream()
                .filter(index -> !ClearmlFields.forIndex(index, spec).isEmpty() || ClearmlFields.isPlotIndex(index))
                .toList();
        failOnUnreadable(elastic, relinked);
        if (!spec.dryRun()) {
            failOnWriteBlocked(elastic, relinked);
        }
        Map<String, Long> sizes = indices.documentCounts(elastic, relinked);
        sizes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(size -> {
                    planned.add(new PlannedDocuments(size.getKey(), size.getValue()));
                    planIndex(migrationId, elastic, size.getKey(), size.getValue(), spec, tasks);
                });
    }

    /**
     * Stops a relink that would leave links behind unseen: a closed index keeps its old links, and the documents on a
     * red index's missing shard would keep theirs while the relink reported none remaining.
     */
    private void failOnUnreadable(ElasticEndpoint elastic, List<String> relinked) {
        Map<String, String> unreadable = indices.unreadableClearmlIndices(elastic);
        List<String> named = relinked.stream()
                .filter(unreadable::containsKey)
                .map(index -> index + " (" + unreadable.get(index) + ")")
                .toList();
        if (named.isEmpty()) {
            return;
        }
        throw new TaskFailedException(
                FailureReason.BAD_INPUT,
                "Elasticsearch at " + elastic.hosts() + " has " + IndexNames.counted(named.size(), "ClearML")
                        + " to relink that cannot be read whole: " + IndexNames.listed(named) + ". Open a closed one"
                        + " (POST /<index>/_open). Of a red one: " + IndexNames.RED_ADVICE + " Then start the relink"
                        + " again; nothing was changed.");
    }

    /**
     * Stops a relink before it writes anything when an index it would write takes no writes: met mid-run, the block
     * would pause a relink that had already rewritten the other indices. The migrator's own copy puts
     * {@code index.blocks.write} on each source index it has verified, so such a block often means the relink names the
     * cluster ClearML has left.
     */
    private void failOnWriteBlocked(ElasticEndpoint elastic, List<String> relinked) {
        Map<String, String> blocked = indices.writeBlockedIndices(elastic, relinked);
        if (blocked.isEmpty()) {
            return;
        }
        List<String> named = blocked.entrySet().stream()
                .map(index -> index.getKey() + " (" + index.getValue() + ")")
                .toList();
        throw new TaskFailedException(
                FailureReason.BAD_INPUT,
                "Elasticsearch at " + elastic.hosts() + " has " + IndexNames.counted(named.size(), "ClearML")
                        + " to relink with a write block: " + IndexNames.listed(named) + ". The migrator's copy"
                        + " puts index.blocks.write on each source index it has verified: if ClearML now runs on the"
                        + " cluster copied to, relink that one. Otherwise lift the block (PUT /<index>/_settings with"
                        + " the block named set to null) and start the relink again; nothing was changed.");
    }

    private void planCollection(
            String migrationId,
            MongoEndpoint mongo,
            String collection,
            RelinkSpec spec,
            List<MigrationTask> tasks,
            List<PlannedDocuments> planned) {
        CollectionChunks chunks = collections.chunks(mongo, collection, chunking.documentsPerChunk());
        planned.add(new PlannedDocuments(collection, chunks.documents()));
        List<String> cuts = chunks.boundaries();
        for (int i = 0; i <= cuts.size(); i++) {
            IdRange range = new IdRange(i == 0 ? null : cuts.get(i - 1), i == cuts.size() ? null : cuts.get(i));
            TaskId id = new TaskId(migrationId, tasks.size());
            tasks.add(new MigrationTask(id, TaskType.RELINK_COLLECTION, collection, mongo, null, spec, range, null));
        }
    }

    private void planIndex(
            String migrationId,
            ElasticEndpoint elastic,
            String index,
            long documents,
            RelinkSpec spec,
            List<MigrationTask> tasks) {
        int slices = chunking.slicesFor(index, documents);
        for (int s = 0; s < slices; s++) {
            Slice slice = slices == 1 ? null : new Slice(s, slices);
            TaskId id = new TaskId(migrationId, tasks.size());
            tasks.add(new MigrationTask(id, TaskType.RELINK_INDEX, index, null, elastic, spec, null, slice));
        }
    }
}
