package com.clearmlmigrator.worker.elastic.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RatePacerTest {
    private static final long SECOND = 1_000_000_000L;

    /** A clock that moves only when the pacer sleeps or the test says time passed. */
    private long now = 1_000 * SECOND;

    private final List<Long> sleeps = new ArrayList<>();
    private final RatePacer pacer = new RatePacer(100, Duration.ofSeconds(5), () -> now, nanos -> {
        sleeps.add(nanos);
        now += nanos;
    });

    @Test
    void pagesReadAtOnceArePausedToTheLimit() {
        for (int page = 0; page < 4; page++) {
            pacer.finished(500);
        }

        assertThat(sleeps).containsExactly(5 * SECOND, 5 * SECOND, 5 * SECOND, 5 * SECOND);
    }

    @Test
    void aPageThatTookLongerThanItsShareIsNotPausedAfter() {
        pacer.finished(500);
        now += 14 * SECOND; // a slow source answered the next page after 14 s

        pacer.finished(500);

        assertThat(sleeps).containsExactly(5 * SECOND);
    }

    @Test
    void aStallOfMinutesEarnsOnePageOfCreditNotTheWholeAverage() {
        pacer.finished(500);
        now += 180 * SECOND; // frozen for three minutes
        sleeps.clear();

        for (int page = 0; page < 4; page++) {
            pacer.finished(500);
        }

        assertThat(sleeps)
                .as("one page goes at once on the credit, then the rate holds")
                .containsExactly(5 * SECOND, 5 * SECOND, 5 * SECOND);
    }

    @Test
    void tasksSharingAPacerWaitInLineForTheirPages() {
        RatePacer shared = new RatePacer(100, Duration.ofSeconds(5), () -> now, sleeps::add);

        shared.finished(500); // two tasks' pages, reserved at the same instant
        shared.finished(500);

        assertThat(sleeps).containsExactly(5 * SECOND, 10 * SECOND);
    }

    @Test
    void threadsSharingAPacerLoseNoReservation() throws Exception {
        AtomicLong longestWait = new AtomicLong();
        RatePacer shared = new RatePacer(
                1_000, Duration.ofSeconds(5), () -> now, nanos -> longestWait.accumulateAndGet(nanos, Math::max));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService tasks = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int task = 0; task < 4; task++) {
                running.add(tasks.submit(() -> {
                    start.await();
                    for (int page = 0; page < 50_000; page++) {
                        shared.finished(1);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> task : running) {
                task.get();
            }
        } finally {
            tasks.shutdown();
        }

        assertThat(longestWait.get()).as("200,000 documents at 1,000 a second").isEqualTo(200 * SECOND);
    }

    @Test
    void noLimitNeverPauses() {
        RatePacer unlimited = new RatePacer(0, Duration.ofSeconds(5), () -> now, nanos -> sleeps.add(nanos));

        unlimited.finished(1_000_000);

        assertThat(sleeps).isEmpty();
    }
}
