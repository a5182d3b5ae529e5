package com.clearmlmigrator.planner.escopy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.SourceIndex;
import com.clearmlmigrator.planner.migration.CopyOrder;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.StoredCopy;

/**
 * The steps of a planned copy, per index: prepare (templates and the empty index), one copy task per scroll slice, and
 * a verification; an index small enough for one slice is one task doing all three. Task ids follow the plan's order,
 * so a plan made again gives the same ids.
 */
final class CopyTasks {
    private CopyTasks() {}

    /**
     * @param sources the source indices to copy, in the order of {@code planned}
     * @param planned their target indices
     * @param templateBodies ClearML's templates, which the first task puts on the target
     */
    static List<MigrationTask> of(
            String migrationId,
            MigrationOrder order,
            CopyChunking chunking,
            List<SourceIndex> sources,
            List<StoredCopy.PlannedIndex> planned,
            List<CopySpec.IndexTemplate> templateBodies) {
        CopyOrder copy = order.copy();
        int totalSlices =
                planned.stream().mapToInt(StoredCopy.PlannedIndex::slices).sum();
        long rate = chunking.perWorkerRate(copy.maxDocsPerSecond(), totalSlices);
        boolean seal = copy.afterCopy().equals(CopyOrder.READ_ONLY_SOURCE);
        List<MigrationTask> tasks = new ArrayList<>();
        // Largest indices first: they are the longest chains of work, and the small ones fill the gaps at the end.
        List<Integer> largestFirst = IntStream.range(0, planned.size())
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> planned.get(i).documents())
                        .reversed())
                .toList();
        for (int i : largestFirst) {
            StoredCopy.PlannedIndex index = planned.get(i);
            // The first task also puts the templates; every later step waits for its own index's preparation.
            CopySpec.Prepare prepare = new CopySpec.Prepare(
                    tasks.isEmpty() ? templateBodies : List.of(),
                    List.of(new CopySpec.TargetIndex(
                            index.name(), index.mappings(), index.settings(), index.replaces())));
            CopySpec.CopySlice slice = new CopySpec.CopySlice(rate);
            CopySpec.Verify verify = new CopySpec.Verify(
                    null,
                    null,
                    CopySettings.toRestore(sources.get(i).settings(), chunking.isSmall(index.documents())),
                    seal,
                    rate);
            if (index.slices() == 1) {
                CopySpec whole = new CopySpec.CopyIndex(prepare, slice, verify);
                add(tasks, migrationId, TaskType.COPY_INDEX, index.name(), order, null, whole);
                continue;
            }
            add(tasks, migrationId, TaskType.PREPARE_COPY, index.name(), order, null, prepare);
            for (int s = 0; s < index.slices(); s++) {
                Slice part = new Slice(s, index.slices());
                add(tasks, migrationId, TaskType.COPY_SLICE, index.name(), order, part, slice);
            }
            add(tasks, migrationId, TaskType.VERIFY_COPY, index.name(), order, null, verify);
        }
        return tasks;
    }

    private static void add(
            List<MigrationTask> tasks,
            String migrationId,
            TaskType type,
            String index,
            MigrationOrder order,
            Slice slice,
            CopySpec spec) {
        TaskId id = new TaskId(migrationId, tasks.size());
        tasks.add(MigrationTask.copy(id, type, index, order.copy().source(), order.elastic(), slice, spec));
    }
}
