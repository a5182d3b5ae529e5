package com.clearmlmigrator.planner.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.planner.migration.PlannerBusyException;

class PlanningExecutorTest {
    private final PlanningExecutor executor = new PlanningExecutor(Executors.newFixedThreadPool(2), 3);
    private final CountDownLatch storesAnswer = new CountDownLatch(1);
    private final AtomicInteger planned = new AtomicInteger();

    @AfterEach
    void stop() {
        storesAnswer.countDown();
        executor.close();
    }

    @Test
    void refusesMoreMigrationsThanItsCapacityUntilOneIsPlanned() throws Exception {
        CountDownLatch done = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            executor.reserve().run(() -> waitForTheStores(done));
        }

        assertThatThrownBy(executor::reserve)
                .isInstanceOf(PlannerBusyException.class)
                .hasMessageContaining("already planning or about to plan 3 migrations")
                .hasMessageContaining("submit this one again");

        storesAnswer.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch next = new CountDownLatch(1);
        executor.reserve().run(next::countDown);
        assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(planned).hasValue(3);
    }

    @Test
    void aPlaceGivenBackUnusedCanBeTakenAgain() {
        for (int i = 0; i < 3; i++) {
            executor.reserve().release();
        }
        PlanningExecutor.Place place = executor.reserve();
        place.release();
        place.release();

        for (int i = 0; i < 3; i++) {
            executor.reserve();
        }
        assertThatThrownBy(executor::reserve).isInstanceOf(PlannerBusyException.class);
    }

    private void waitForTheStores(CountDownLatch done) {
        try {
            storesAnswer.await();
            planned.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
        }
    }
}
