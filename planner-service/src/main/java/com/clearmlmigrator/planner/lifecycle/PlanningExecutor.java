package com.clearmlmigrator.planner.lifecycle;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

import com.clearmlmigrator.planner.migration.PlannerBusyException;

/**
 * Runs planning off the HTTP thread: listing a large cluster or waiting for an unreachable one must not hold the
 * request. The threads are given (two, from a managed executor that stops with the service): planning is short and
 * mostly waits on the stores. The number of migrations planned or waiting
 * is bounded: a flood of requests against unreachable hosts, each waiting for its timeout, would otherwise queue every
 * later migration behind it without end. A submission beyond the bound is refused before anything is recorded.
 */
public class PlanningExecutor implements AutoCloseable {
    private final ExecutorService threads;
    private final Semaphore places;
    private final int capacity;

    /**
     * @param threads  where planning runs; closing this executor shuts them down
     * @param capacity migrations being planned or waiting to be, at most
     */
    public PlanningExecutor(ExecutorService threads, int capacity) {
        this.threads = threads;
        this.capacity = capacity;
        this.places = new Semaphore(capacity);
    }

    /**
     * Takes a place for one planning, or refuses.
     *
     * @throws PlannerBusyException when {@code capacity} migrations are being planned or waiting
     */
    public Place reserve() {
        if (!places.tryAcquire()) {
            throw new PlannerBusyException("The planner is already planning or about to plan " + capacity
                    + " migrations (planner.planning-queue); submit this one again in a minute.");
        }
        return new Place();
    }

    /** Stops planning: at shutdown, what is being planned is abandoned and resumed by the next start. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** A reserved place: run the planning in it once, or give it back. */
    public final class Place {
        private boolean used;

        private Place() {}

        public synchronized void run(Runnable planning) {
            if (used) {
                throw new IllegalStateException("A place runs one planning");
            }
            used = true;
            threads.execute(() -> {
                try {
                    planning.run();
                } finally {
                    places.release();
                }
            });
        }

        /** Gives the place back unused, when the submission was refused after reserving it. */
        public synchronized void release() {
            if (!used) {
                used = true;
                places.release();
            }
        }
    }
}
