package com.clearmlmigrator.planner.progress;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * Says which store has not answered the migration's tasks for a minute, long before their attempts time out. A store
 * that takes requests and never answers them (its process frozen, a node lost in garbage collection) fails an attempt
 * only once the answer timeout passes, 2 min for Elasticsearch and 5 for MongoDB reads, and until then the figures
 * stood still with nothing said. Only tasks whose every step says when their store answers are looked at: relink and
 * undo parts, copy slices; an index copied in one task verifies at length without a word.
 */
public final class UnansweredNotice {
    /** Longer than a healthy store takes to answer one batch, even a bulk of large plots. */
    static final Duration AFTER = Duration.ofSeconds(60);

    private static final Set<TaskType> TELLING = EnumSet.of(
            TaskType.RELINK_COLLECTION,
            TaskType.RELINK_INDEX,
            TaskType.UNDO_RELINK_COLLECTION,
            TaskType.UNDO_RELINK_INDEX,
            TaskType.COPY_SLICE);

    private UnansweredNotice() {}

    /**
     * @param tasks    the migration's tasks, for their types
     * @param underWay its tasks under way, each as its worker last said; tasks waiting between attempts are the
     *                 {@link StoreWaitNotice}'s
     */
    public static Optional<String> of(List<TaskState> tasks, List<TaskUnderWay> underWay) {
        Map<TaskId, TaskState> planned = tasks.stream().collect(Collectors.toMap(TaskState::id, task -> task));
        List<TaskUnderWay> unanswered = underWay.stream()
                .filter(task -> task.progress().waiting() == null
                        && planned.containsKey(task.task())
                        && TELLING.contains(planned.get(task.task()).type()))
                .filter(task -> task.progress().unansweredFor().compareTo(AFTER) >= 0)
                .sorted(Comparator.comparing(
                                (TaskUnderWay task) -> task.progress().unansweredFor())
                        .reversed())
                .toList();
        if (unanswered.isEmpty()) {
            return Optional.empty();
        }
        String stores = unanswered.stream()
                .map(task -> store(planned.get(task.task())))
                .distinct()
                .collect(Collectors.joining(" and "));
        String who = unanswered.size() == 1 ? "1 task has" : unanswered.size() + " tasks have";
        long seconds = QuietNotice.steps(unanswered.get(0).progress().unansweredFor());
        return Optional.of(who + " had no answer from " + stores + " for " + seconds + " s (busy, or not answering?)."
                + " A store that takes requests and never answers them fails a task's attempt once its answer timeout"
                + " passes (2 min for Elasticsearch, 5 for MongoDB), and the task then tries again.");
    }

    /** The store a task reads, where one: a copy slice reads one cluster and writes another. */
    private static String store(TaskState task) {
        MigrationTask definition = task.definition();
        if (task.type().worker() == WorkerKind.MONGO) {
            return definition == null
                    ? "MongoDB"
                    : "MongoDB at " + definition.mongo().redactedUri();
        }
        return definition == null || task.type() == TaskType.COPY_SLICE
                ? "Elasticsearch"
                : "Elasticsearch at " + definition.elastic().hosts();
    }
}
