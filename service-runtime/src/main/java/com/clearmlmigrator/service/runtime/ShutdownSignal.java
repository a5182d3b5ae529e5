package com.clearmlmigrator.service.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Tells the service's waits ({@link OutageRetry}) that it stops: a wait for a broker or a store that is away must not
 * hold the shutdown up, and what it waited for stays unacknowledged in Kafka.
 */
@ApplicationScoped
public class ShutdownSignal implements OutageRetry.StopSignal {
    private final CountDownLatch stopping = new CountDownLatch(1);

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    @Override
    public boolean within(Duration wait) {
        try {
            return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
