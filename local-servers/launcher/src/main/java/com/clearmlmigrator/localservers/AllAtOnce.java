package com.clearmlmigrator.localservers;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** Does the same thing to several processes at once: starting, stopping, each takes seconds of waiting. */
final class AllAtOnce {
    private AllAtOnce() {}

    /** Applies {@code action} to each item on a thread of its own; returns when all are done, or throws what failed. */
    static <T> void run(List<T> items, Consumer<T> action) {
        try {
            CompletableFuture.allOf(items.stream()
                            .map(item -> CompletableFuture.runAsync(() -> action.accept(item)))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
