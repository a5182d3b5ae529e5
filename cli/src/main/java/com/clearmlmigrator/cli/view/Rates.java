package com.clearmlmigrator.cli.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Documents per second and time left per collection or index, from the snapshots seen so far. A row's pace is counted
 * from the first snapshot that showed it moving, so one slow heartbeat does not swing it; a {@link #recent} pace only
 * over the last stretch of time, for a whole migration whose mix changes as it goes (its debug images go by at
 * thousands a second, then its plots at hundreds).
 */
final class Rates {
    private record Sample(Instant at, long documents, long done) {}

    /** How far back a pace looks; null: to the first snapshot that showed the row moving. */
    private final Duration window;

    private final Map<String, Deque<Sample>> samples = new HashMap<>();

    Rates() {
        this(null);
    }

    private Rates(Duration window) {
        this.window = window;
    }

    /** Paces over the last {@code window} only (from the first moving snapshot until the window is that long). */
    static Rates recent(Duration window) {
        return new Rates(window);
    }

    /** Documents per second since the target started moving (or over the window); 0 until it has. */
    double documentsPerSecond(TargetRow row, Instant now) {
        if (row.documents() == 0 && row.done() == 0) {
            // Not moving yet (its tasks queued, or a copy preparing its target): a pace counted from here would take
            // that wait for slowness, and say 33 min left of a copy that ends in 80 s.
            return 0;
        }
        Sample from = record(row, now);
        double seconds = Duration.between(from.at(), now).toMillis() / 1000.0;
        return seconds < 1 ? 0 : (row.documents() - from.documents()) / seconds;
    }

    /** Seconds left at the pace since the target started moving (or over the window); null when not told yet. */
    Long secondsLeft(TargetRow row, Instant now) {
        if (row.etaSeconds() != null) {
            return row.etaSeconds();
        }
        Deque<Sample> seen = samples.get(row.name());
        if (seen == null || row.isDone()) {
            return row.isDone() ? 0L : null;
        }
        Sample from = seen.peekFirst();
        long progressed = row.done() - from.done();
        double seconds = Duration.between(from.at(), now).toMillis() / 1000.0;
        if (progressed <= 0 || seconds < 1) {
            return null;
        }
        // Up, not to the nearest: 'about 0:00 left' beside a copy at 99% reads as a hang.
        return (long) Math.ceil((row.total() - row.done()) * seconds / progressed);
    }

    /** Keeps this snapshot of the row and gives the one its pace counts from. */
    private Sample record(TargetRow row, Instant now) {
        Deque<Sample> seen = samples.computeIfAbsent(row.name(), name -> new ArrayDeque<>());
        Sample sample = new Sample(now, row.documents(), row.done());
        if (window == null) {
            // Since the start: the first snapshot is all it needs, however long the migration runs.
            if (seen.isEmpty()) {
                seen.add(sample);
            }
            return seen.peekFirst();
        }
        seen.addLast(sample);
        Instant from = now.minus(window);
        while (seen.size() > 1 && seen.peekFirst().at().isBefore(from)) {
            seen.removeFirst();
        }
        return seen.peekFirst();
    }
}
