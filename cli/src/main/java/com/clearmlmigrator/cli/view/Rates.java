package com.clearmlmigrator.cli.view;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Documents per second and time left per collection or index, from the snapshots seen so far: the rate since the
 * first snapshot that showed the target moving, so one slow heartbeat does not swing it.
 */
final class Rates {
    private record Start(Instant at, long documents, long done) {}

    private final Map<String, Start> starts = new HashMap<>();

    /** Documents per second since the target started moving; 0 until it has. */
    double documentsPerSecond(TargetRow row, Instant now) {
        if (row.documents() == 0 && row.done() == 0) {
            // Not moving yet (its tasks queued, or a copy preparing its target): a pace counted from here would take
            // that wait for slowness, and say 33 min left of a copy that ends in 80 s.
            return 0;
        }
        Start start = starts.computeIfAbsent(row.name(), n -> new Start(now, row.documents(), row.done()));
        double seconds = Duration.between(start.at(), now).toMillis() / 1000.0;
        return seconds < 1 ? 0 : (row.documents() - start.documents()) / seconds;
    }

    /** Seconds left at the pace since the target started moving; null when that cannot be told yet. */
    Long secondsLeft(TargetRow row, Instant now) {
        if (row.etaSeconds() != null) {
            return row.etaSeconds();
        }
        Start start = starts.get(row.name());
        if (start == null || row.isDone()) {
            return row.isDone() ? 0L : null;
        }
        long progressed = row.done() - start.done();
        double seconds = Duration.between(start.at(), now).toMillis() / 1000.0;
        if (progressed <= 0 || seconds < 1) {
            return null;
        }
        // Up, not to the nearest: 'about 0:00 left' beside a copy at 99% reads as a hang.
        return (long) Math.ceil((row.total() - row.done()) * seconds / progressed);
    }
}
