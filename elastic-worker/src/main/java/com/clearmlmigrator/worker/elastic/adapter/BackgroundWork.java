package com.clearmlmigrator.worker.elastic.adapter;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * How a task waits for what it handed to a thread beside it (a bulk in flight). The threads are Quarkus's managed
 * executor, injected where a task starts: they stop with the service, and each task keeps at most one of them busy.
 */
final class BackgroundWork {
    private BackgroundWork() {}

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
