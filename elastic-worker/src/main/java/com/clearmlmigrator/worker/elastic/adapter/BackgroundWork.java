package com.clearmlmigrator.worker.elastic.adapter;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** What a task hands to a thread beside it (the next scroll page, a bulk in flight), and how it waits for that. */
final class BackgroundWork {
    private BackgroundWork() {}

    /** Daemon threads named {@code name-N}, made as needed: a worker's tasks each keep at most one busy. */
    static ExecutorService threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The result of background work; the store's own exceptions come out as they were thrown. */
    static <T> T await(Future<T> work) {
        try {
            return work.get();
        } catch (ExecutionException e) {
            // The store's own exceptions (unreachable, refused) keep their type: retries and reports depend on it.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for background work");
        }
    }

    /** Waits for work whose result nobody will use, so nothing of a failed task keeps running after it. */
    static void settle(Future<?> work) {
        try {
            work.get();
        } catch (ExecutionException | CancellationException e) {
            // The task already failed; this work's own failure adds nothing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
