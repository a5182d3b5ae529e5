package com.clearmlmigrator.worker.elastic.domain;

/**
 * Keeps a task's average rate at or below a limit by pausing after each batch, so a copy can run beside a live
 * cluster without starving it.
 */
public final class RatePacer {
    private final long maxPerSecond;
    private final long startNanos = System.nanoTime();
    private long done;

    /** @param maxPerSecond documents per second; 0 or less for no limit */
    public RatePacer(long maxPerSecond) {
        this.maxPerSecond = maxPerSecond;
    }

    /** Records a finished batch (a page) and pauses until the average rate is back under the limit. */
    public void finished(int documents) {
        done += documents;
        if (maxPerSecond <= 0) {
            return;
        }
        long dueNanos = done * 1_000_000_000L / maxPerSecond;
        long aheadMillis = (dueNanos - (System.nanoTime() - startNanos)) / 1_000_000L;
        if (aheadMillis > 0) {
            try {
                Thread.sleep(aheadMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
