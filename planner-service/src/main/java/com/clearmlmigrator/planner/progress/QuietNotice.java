package com.clearmlmigrator.planner.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.clearmlmigrator.contracts.TaskId;

/**
 * Says which worker has gone quiet about the tasks it performs, long before they count as stalled. Workers name their
 * tasks in a heartbeat every 2 s; a frozen, overloaded or cut-off worker stops, and until the stall timeout (3 min) the
 * migration's view would not change at all, so an operator watching it saw nothing, not even that the watch was alive.
 * The seconds go in steps of {@link #STEP}: the view changes, and a watch prints a line, that often, not every second.
 */
public final class QuietNotice {
    /** Silence a busy host can cause (a long collection, a slow disk) without anything being wrong. */
    static final Duration AFTER = Duration.ofSeconds(20);

    static final Duration STEP = Duration.ofSeconds(5);

    private QuietNotice() {}

    /**
     * @param underWay     the migration's tasks under way
     * @param takingUp     the worker taking a task up, if one is (watching the lease of the quiet worker): Kafka
     *                     handed the task to it when the quiet worker left its consumer group, or the planner sent it
     *                     again
     * @param hearingSince since when the planner has heard Kafka without a break: as for a stall, a heartbeat that
     *                     could not reach a deaf planner is no silence of the worker's
     * @param timeout      {@code planner.stall-timeout}: the notice starts after a quarter of it when that is under 20 s
     */
    public static Optional<String> of(
            List<TaskUnderWay> underWay,
            Function<TaskId, Optional<String>> takingUp,
            Instant hearingSince,
            Instant now,
            Duration timeout) {
        Duration after = timeout.dividedBy(4).compareTo(AFTER) < 0 ? timeout.dividedBy(4) : AFTER;
        Map<String, List<TaskUnderWay>> quietByWorker = underWay.stream()
                .filter(task -> silence(task, hearingSince, now).compareTo(after) >= 0)
                .sorted(Comparator.comparing(TaskUnderWay::silentSince))
                .collect(Collectors.groupingBy(TaskUnderWay::worker, LinkedHashMap::new, Collectors.toList()));
        if (quietByWorker.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(quietByWorker.entrySet().stream()
                .map(quiet -> sentence(
                                quiet.getKey(),
                                quiet.getValue(),
                                silence(quiet.getValue().get(0), hearingSince, now),
                                timeout)
                        + takeover(quiet.getValue(), takingUp))
                .collect(Collectors.joining(" ")));
    }

    private static Duration silence(TaskUnderWay task, Instant hearingSince, Instant now) {
        Instant since = task.silentSince().isAfter(hearingSince) ? task.silentSince() : hearingSince;
        return Duration.between(since, now);
    }

    private static String sentence(String worker, List<TaskUnderWay> tasks, Duration silence, Duration timeout) {
        String what = tasks.size() == 1 ? "the task it performs" : "the " + tasks.size() + " tasks it performs";
        String said = worker + " has said nothing of " + what + " for " + steps(silence) + " s";
        boolean stalled = tasks.stream().allMatch(task -> task.stalledSince() != null);
        return stalled
                ? said + ": stalled, sent again for a live worker to take over once its lease ends."
                : said + " (frozen, overloaded or cut off from Kafka?); at " + timeout.toSeconds()
                        + " s of silence a task counts as stalled and is sent again.";
    }

    /** Who takes the quiet worker's tasks over, as their heartbeats say: an operator sees the end of the wait. */
    private static String takeover(List<TaskUnderWay> tasks, Function<TaskId, Optional<String>> takingUp) {
        Map<String, Long> byClaimant = tasks.stream()
                .flatMap(task -> takingUp.apply(task.task()).stream())
                .collect(Collectors.groupingBy(claimant -> claimant, LinkedHashMap::new, Collectors.counting()));
        return byClaimant.entrySet().stream()
                .map(claimant -> " " + claimant.getKey() + " is taking "
                        + (claimant.getValue() == tasks.size()
                                ? (tasks.size() == 1 ? "it" : "them")
                                : claimant.getValue() + " of them")
                        + " over once the quiet worker's lease runs out.")
                .collect(Collectors.joining());
    }

    static long steps(Duration silence) {
        long seconds = silence.toSeconds();
        return seconds < STEP.toSeconds() ? seconds : seconds - seconds % STEP.toSeconds();
    }
}
