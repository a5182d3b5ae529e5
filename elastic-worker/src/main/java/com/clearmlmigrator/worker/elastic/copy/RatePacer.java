package com.clearmlmigrator.worker.elastic.copy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps a task's rate at or below a limit by pausing after each batch, so a copy can run beside a live cluster without
 * starving it. A token bucket: time not used (a slow page, a frozen worker, a source that made it wait) earns credit
 * for at most {@code burst} of the rate, so after a pause of minutes the task does not rush to catch up on its average
 * but goes on at the limit.
 */
public final class RatePacer {
    /** Waits; a test gives its own, a worker thread sleeps. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long maxPerSecond;
    private final long burstNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    /** When the documents done so far are due at the limit; never earlier than {@code burst} before now. */
    private long dueNanos;

    /**
     * @param maxPerSecond documents per second; 0 or less for no limit
     * @param burst        how much of the rate time not used may earn at most
     */
    public RatePacer(long maxPerSecond, Duration burst) {
        this(
                maxPerSecond,
                burst,
                System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L)));
    }

    RatePacer(long maxPerSecond, Duration burst, LongSupplier clock, Sleeper sleeper) {
        this.maxPerSecond = maxPerSecond;
        this.burstNanos = burst.toNanos();
        this.clock = clock;
        this.sleeper = sleeper;
        this.dueNanos = clock.getAsLong();
    }

    /** Records a finished batch (a page) and pauses until the rate is back under the limit. */
    public void finished(int documents) {
        if (maxPerSecond <= 0) {
            return;
        }
        long now = clock.getAsLong();
        dueNanos = Math.max(dueNanos, now - burstNanos) + documents * 1_000_000_000L / maxPerSecond;
        long ahead = dueNanos - now;
        if (ahead > 0) {
            try {
                sleeper.sleep(ahead);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
