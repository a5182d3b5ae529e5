package com.clearmlmigrator.worker.elastic.copy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps a rate at or below a limit by pausing after each batch, so a copy can run beside a live cluster without
 * starving it. A token bucket: time not used (a slow page, a frozen worker, a source that made it wait) earns credit
 * for at most {@code burst} of the rate, so after a pause of minutes the copy does not rush to catch up on its average
 * but goes on at the limit. Tasks running at once may share one pacer: each batch reserves its place in line under the
 * lock and waits for it outside, so together they keep the limit, and one left alone gets all of it.
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
    /**
     * When the documents done so far are due at the limit; never earlier than {@code burst} before now. Guarded by the
     * pacer's lock.
     */
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
        long ahead = reserve(documents);
        if (ahead > 0) {
            try {
                sleeper.sleep(ahead);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long the caller waits for its batch to be due at the limit, after the batches of the others. */
    private synchronized long reserve(int documents) {
        long now = clock.getAsLong();
        dueNanos = Math.max(dueNanos, now - burstNanos) + documents * 1_000_000_000L / maxPerSecond;
        return dueNanos - now;
    }
}
