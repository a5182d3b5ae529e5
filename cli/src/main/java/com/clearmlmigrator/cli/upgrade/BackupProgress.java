package com.clearmlmigrator.cli.upgrade;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How far a backup is, said every ten seconds at most: a ClearML data folder of hundreds of gigabytes takes an hour to
 * copy and read back, and the operator would otherwise watch one line for all of it. Plain lines, as the upgrade's log
 * keeps them.
 */
final class BackupProgress {
    private static final Duration EVERY = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final Supplier<Instant> clock;
    private String step = "";
    private long total;
    private long done;
    private Instant stepStarted;
    private Instant lastSaid;

    BackupProgress(PrintWriter out, Supplier<Instant> clock) {
        this.out = out;
        this.clock = clock;
    }

    /** A new pass over the folder's {@code totalBytes}: {@code copied}, then {@code checked}. */
    void step(String name, long totalBytes) {
        step = name;
        total = totalBytes;
        done = 0;
        stepStarted = clock.get();
        lastSaid = stepStarted;
    }

    void advanced(long bytes) {
        done += bytes;
        Instant now = clock.get();
        if (Duration.between(lastSaid, now).compareTo(EVERY) >= 0) {
            lastSaid = now;
            out.println(line(step, done, total, Duration.between(stepStarted, now)));
            out.flush();
        }
    }

    /** {@code   copied 12.0 GB of 40.0 GB (30%) at 204.8 MB/s; about 2 min left}. */
    static String line(String step, long done, long total, Duration elapsed) {
        long percent = total <= 0 ? 100 : done * 100 / total;
        String line =
                String.format(Locale.ROOT, "  %s %s of %s (%d%%)", step, Sizes.of(done), Sizes.of(total), percent);
        double seconds = elapsed.toMillis() / 1000.0;
        if (seconds <= 0 || done <= 0) {
            return line;
        }
        double perSecond = done / seconds;
        long left = Math.round((total - done) / perSecond);
        return line + " at " + Sizes.of((long) perSecond) + "/s; " + TimeLeft.of(left);
    }
}
