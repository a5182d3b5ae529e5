package com.clearmlmigrator.cli.files;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Works on a place's state files a few at a time where that pays (a bucket, where each file waits on round trips), and
 * gives the results back in the files' order, so reports read the same whatever the pace.
 */
final class EachFile {
    private EachFile() {}

    /** @param work never throws: what goes wrong with a file is part of its result */
    static <R> List<R> run(List<String> names, int atOnce, Function<String, R> work) {
        if (atOnce <= 1 || names.size() <= 1) {
            return names.stream().map(work).toList();
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(atOnce, names.size()), task -> {
            Thread thread = new Thread(task, "state-files");
            thread.setDaemon(true); // a Ctrl-C ends the command without waiting for them
            return thread;
        });
        try {
            List<Future<R>> pending = names.stream()
                    .map(name -> workers.submit(() -> work.apply(name)))
                    .toList();
            List<R> results = new ArrayList<>(names.size());
            for (Future<R> one : pending) {
                results.add(one.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while working on state files", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A state file's work failed unnamed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }
}
