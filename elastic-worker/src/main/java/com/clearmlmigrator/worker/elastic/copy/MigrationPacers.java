package com.clearmlmigrator.worker.elastic.copy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * One {@link RatePacer} per throttled migration in this worker, shared by the migration's copy tasks running here at
 * once. The planner gives each task this worker's share of the migration's limit, not a slice's: the last slices of a
 * copy, running alone, then go at the whole share instead of the fraction they had beside the others. A pacer lives
 * while a task of its migration runs, so a migration copied again starts without the old one's debt.
 */
public final class MigrationPacers {
    /** A task's use of its migration's pacer; closing it lets the pacer go when no other task of it runs. */
    public interface Lease extends AutoCloseable {
        RatePacer pacer();

        @Override
        void close();
    }

    /** A task that carries another limit than its migration's others gets a pacer of its own, not theirs. */
    private record Key(String migrationId, long maxPerSecond) {}

    private static final class Shared {
        private final RatePacer pacer;
        private int tasks;

        private Shared(RatePacer pacer) {
            this.pacer = pacer;
        }
    }

    private final LongFunction<RatePacer> newPacer;
    private final Map<Key, Shared> pacers = new HashMap<>();

    /** @param newPacer makes the pacer of a limit, in documents per second */
    public MigrationPacers(LongFunction<RatePacer> newPacer) {
        this.newPacer = newPacer;
    }

    /** The pacer of the migration's limit, shared with its tasks running at once; 0 or less for no limit. */
    public Lease open(String migrationId, long maxPerSecond) {
        if (maxPerSecond <= 0) {
            return new TaskLease(newPacer.apply(0), () -> {});
        }
        Key key = new Key(migrationId, maxPerSecond);
        RatePacer pacer;
        synchronized (pacers) {
            Shared shared = pacers.computeIfAbsent(key, k -> new Shared(newPacer.apply(maxPerSecond)));
            shared.tasks++;
            pacer = shared.pacer;
        }
        return new TaskLease(pacer, () -> release(key));
    }

    /** How many throttled migrations have tasks running here. */
    int active() {
        synchronized (pacers) {
            return pacers.size();
        }
    }

    private void release(Key key) {
        synchronized (pacers) {
            Shared shared = pacers.get(key);
            if (shared != null && --shared.tasks == 0) {
                pacers.remove(key);
            }
        }
    }

    private static final class TaskLease implements Lease {
        private final RatePacer pacer;
        private final Runnable release;
        private boolean closed;

        private TaskLease(RatePacer pacer, Runnable release) {
            this.pacer = pacer;
            this.release = release;
        }

        @Override
        public RatePacer pacer() {
            return pacer;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release.run();
            }
        }
    }
}
