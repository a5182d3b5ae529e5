package com.clearmlmigrator.planner.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * Says why a running migration's sent tasks wait, when the heartbeats show why: no worker of the kind they need has
 * been heard from for the stall timeout. Tasks waiting behind others on live workers need no notice, and neither do
 * tasks that a planner which has heard Kafka for less than the timeout (it has just started, or just heard the broker
 * again) has heard no worker of yet: it cannot tell a worker that is gone from one whose heartbeats are on the way.
 */
public final class WaitingNotice {
    private WaitingNotice() {}

    /**
     * @param hearingSince since when the planner has heard Kafka without a break (its heartbeats topic included)
     */
    public static Optional<String> of(
            List<TaskState> tasks,
            List<TaskUnderWay> underWay,
            LiveProgress live,
            Instant hearingSince,
            Instant now,
            Duration timeout) {
        if (hearingSince.isAfter(now.minus(timeout))) {
            return Optional.empty();
        }
        Set<TaskId> started = underWay.stream().map(TaskUnderWay::task).collect(Collectors.toSet());
        List<TaskState> waiting = tasks.stream()
                .filter(t -> t.isPending() && t.dispatched() && !started.contains(t.id()))
                .toList();
        for (WorkerKind kind : WorkerKind.values()) {
            long count = waiting.stream().filter(t -> t.type().worker() == kind).count();
            boolean heard = live.lastHeard(kind)
                    .map(w -> !w.heardAt().isBefore(now.minus(timeout)))
                    .orElse(false);
            if (count > 0 && !heard) {
                String worker = kind.name().toLowerCase(Locale.ROOT) + "-worker";
                return Optional.of("No " + worker + " has sent a heartbeat in the last " + timeout.toSeconds()
                        + " s while " + count + " tasks wait for one: start one, or look in the log of the one that"
                        + " ran (and its supervisor) for why it stopped.");
            }
        }
        return Optional.empty();
    }
}
