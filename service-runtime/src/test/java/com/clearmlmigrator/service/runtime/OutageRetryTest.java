package com.clearmlmigrator.service.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class OutageRetryTest {
    private static final Duration PAUSE = Duration.ofSeconds(2);

    private final List<Duration> pauses = new ArrayList<>();
    private final RecordedAttempts attempts = new RecordedAttempts();

    @Test
    void workThatSucceedsAtOnceIsNeitherPausedNorReported() {
        OutageRetry retry = new OutageRetry(PAUSE, pausing(false));

        assertThat(retry.untilDone(() -> "taken", OutageRetryTest::isOutage, attempts.told()))
                .isEqualTo("taken");
        assertThat(pauses).isEmpty();
        assertThat(attempts.failed).isEmpty();
        assertThat(attempts.succeededAt).isZero();
    }

    @Test
    void anOutageIsWaitedOutForAsLongAsItLastsAndEachAttemptIsReported() {
        OutageRetry retry = new OutageRetry(PAUSE, pausing(false));
        Supplier<String> work = failingThen(5, new Outage("broker away"));

        assertThat(retry.untilDone(work, OutageRetryTest::isOutage, attempts.told()))
                .isEqualTo("taken");
        assertThat(attempts.failed).containsExactly(1, 2, 3, 4, 5);
        assertThat(attempts.succeededAt).isEqualTo(6);
        assertThat(pauses).hasSize(5).containsOnly(PAUSE);
    }

    @Test
    void aFailureThatIsNoOutageGoesThroughAtOnce() {
        OutageRetry retry = new OutageRetry(PAUSE, pausing(false));
        IllegalArgumentException tooLarge = new IllegalArgumentException("record too large");

        assertThatThrownBy(() -> retry.untilDone(failingThen(1, tooLarge), OutageRetryTest::isOutage, attempts.told()))
                .isSameAs(tooLarge);
        assertThat(pauses).isEmpty();
        assertThat(attempts.failed).isEmpty();
    }

    @Test
    void theServiceStoppingGivesUpWithTheCallersSentenceAndTheOutageAsCause() {
        OutageRetry retry = new OutageRetry(PAUSE, pausing(true));
        Outage away = new Outage("broker away");

        assertThatThrownBy(() -> retry.untilDone(
                        () -> {
                            throw away;
                        },
                        OutageRetryTest::isOutage,
                        attempts.told()))
                .isInstanceOf(OutageRetry.ServiceStoppingException.class)
                .hasMessage("the result of task m-1 stays in Kafka")
                .hasCause(away);
        assertThat(attempts.failed).containsExactly(1);
    }

    @Test
    void outsideAServiceOnlyAnInterruptStopsTheWaitAndTheInterruptIsKept() {
        OutageRetry.StopSignal signal = OutageRetry.StopSignal.onInterrupt();
        assertThat(signal.within(Duration.ofMillis(1))).isFalse();

        Thread.currentThread().interrupt();
        try {
            assertThat(signal.within(Duration.ofSeconds(30))).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private OutageRetry.StopSignal pausing(boolean stops) {
        return wait -> {
            pauses.add(wait);
            return stops;
        };
    }

    private static Supplier<String> failingThen(int failures, RuntimeException failure) {
        Iterator<Integer> calls =
                java.util.stream.IntStream.rangeClosed(1, failures + 1).iterator();
        return () -> {
            if (calls.next() <= failures) {
                throw failure;
            }
            return "taken";
        };
    }

    private static boolean isOutage(RuntimeException e) {
        return e instanceof Outage;
    }

    private static final class Outage extends RuntimeException {
        Outage(String message) {
            super(message);
        }
    }

    private static final class RecordedAttempts {
        final List<Integer> failed = new ArrayList<>();
        int succeededAt;

        OutageRetry.Attempts told() {
            return OutageRetry.Attempts.of(
                            (attempt, outage, pause) -> failed.add(attempt), "the result of task m-1 stays in Kafka")
                    .whenThrough(attempt -> succeededAt = attempt);
        }
    }
}
