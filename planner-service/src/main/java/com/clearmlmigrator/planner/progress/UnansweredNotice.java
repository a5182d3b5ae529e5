package com.clearmlmigrator.planner.progress;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.migration.Migration;
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
     * @param stores   the stores the migration works on, to say which one does not answer
     * @param tasks    the migration's tasks, for their types
     * @param underWay its tasks under way, each as its worker last said; tasks waiting between attempts are the
     *                 {@link StoreWaitNotice}'s
     */
    public static Optional<String> of(Migration.Targets stores, List<TaskState> tasks, List<TaskUnderWay> underWay) {
        Map<TaskId, TaskType> types = tasks.stream().collect(Collectors.toMap(TaskState::id, TaskState::type));
        List<TaskUnderWay> unanswered = underWay.stream()
                .filter(task -> task.progress().waiting() == null && TELLING.contains(types.get(task.task())))
                .filter(task -> task.progress().unansweredFor().compareTo(AFTER) >= 0)
                .sorted(Comparator.comparing(
                                (TaskUnderWay task) -> task.progress().unansweredFor())
                        .reversed())
                .toList();
        if (unanswered.isEmpty()) {
            return Optional.empty();
        }
        String silent = unanswered.stream()
                .map(task -> store(types.get(task.task()), stores))
                .distinct()
                .collect(Collectors.joining(" and "));
        String who = unanswered.size() == 1 ? "1 task has" : unanswered.size() + " tasks have";
        long seconds = QuietNotice.steps(unanswered.get(0).progress().unansweredFor());
        return Optional.of(who + " had no answer from " + silent + " for " + seconds + " s (busy, or not answering?)."
                + " A store that takes requests and never answers them fails the task once its answer timeout passes"
                + " (2 min for Elasticsearch, 5 for MongoDB), and the migration's other tasks on it without trying:"
                + " retry the migration once the store answers again.");
    }

    /** The store a task reads, where one: a copy slice reads one cluster and writes another. */
    private static String store(TaskType type, Migration.Targets stores) {
        if (type.worker() == WorkerKind.MONGO) {
            return stores.mongoUri() == null ? "MongoDB" : "MongoDB at " + stores.mongoUri();
        }
        if (stores.elasticHosts().isEmpty()) {
            return "Elasticsearch";
        }
        if (type == TaskType.COPY_SLICE) {
            // Its heartbeat does not say which: a frozen source showed "no answer from Elasticsearch" on the dev stack.
            return stores.sourceHosts().isEmpty()
                    ? "Elasticsearch"
                    : "Elasticsearch (the source at " + stores.sourceHosts() + " or the target at "
                            + stores.elasticHosts() + ")";
        }
        return "Elasticsearch at " + stores.elasticHosts();
    }
}
