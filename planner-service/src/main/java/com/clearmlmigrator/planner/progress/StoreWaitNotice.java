package com.clearmlmigrator.planner.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.clearmlmigrator.contracts.StoreWait;

/**
 * Says which store the migration's tasks wait for, from the first attempt that found it away. A cluster killed under a
 * relink showed nothing but a time left that grew, while each task waited its two minutes of attempts before failing.
 * The attempts are "at most" so many: a store that never answers ends the wait after the second, each having taken the
 * whole answer timeout.
 */
public final class StoreWaitNotice {
    private StoreWaitNotice() {}

    /** @param underWay the migration's tasks under way, each as its worker last said */
    public static Optional<String> of(List<TaskUnderWay> underWay, String migrationId, Instant now) {
        List<StoreWait> waits = underWay.stream()
                .map(task -> task.progress().waiting())
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(StoreWait::since))
                .toList();
        if (waits.isEmpty()) {
            return Optional.empty();
        }
        StoreWait longest = waits.get(0);
        String who = waits.size() == 1 ? "1 task waits" : waits.size() + " tasks wait";
        long seconds = QuietNotice.steps(Duration.between(longest.since(), now));
        return Optional.of(who + " for a store that does not answer, for " + seconds + " s (attempt "
                + longest.attempts() + " of at most " + longest.of() + "): " + longest.cause()
                + " Once it answers they go on. A task that runs out of retries fails, and the other tasks of this"
                + " migration then try once at most; once the store is back, retry the migration: POST /migrations/"
                + migrationId + "/retry.");
    }
}
