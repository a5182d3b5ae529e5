package com.clearmlmigrator.planner.domain;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs planning off the HTTP thread: listing a large cluster or waiting for an unreachable one must not hold the
 * request. Two threads: planning is short and mostly waits on the stores.
 */
@ApplicationScoped
public class PlanningExecutor implements Executor {
    private final ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "planning");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void execute(Runnable command) {
        threads.execute(command);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
