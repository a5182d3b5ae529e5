package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;

class BackoffTest {
    private final Backoff bulk = new Backoff(6, Duration.ofMillis(500), Duration.ofSeconds(8));

    @Test
    void pausesDoubleFromTheFirstUpToTheLongest() {
        assertThat(IntStream.rangeClosed(2, 7).mapToObj(bulk::before).map(Duration::toMillis))
                .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 8_000L);
    }

    @Test
    void attemptsStopAtTheirNumberTheFirstIncluded() {
        assertThat(bulk.mayFollow(5)).isTrue();
        assertThat(bulk.mayFollow(6)).isFalse();
        assertThat(new Backoff(1, Duration.ZERO, Duration.ZERO).mayFollow(1)).isFalse();
    }

    @Test
    void retriesThatTookAsLongAsAllThePausesTogetherAreFollowedByNoOther() {
        assertThat(bulk.allPauses()).isEqualTo(Duration.ofMillis(500 + 1_000 + 2_000 + 4_000 + 8_000));
        assertThat(bulk.mayFollow(2, Duration.ofMillis(15_499))).isTrue();
        assertThat(bulk.mayFollow(2, Duration.ofMillis(15_500))).isFalse();
        assertThat(bulk.mayFollow(6, Duration.ZERO))
                .as("the attempts are counted still")
                .isFalse();
    }

    @Test
    void aPauseInterruptedFailsTheWorkAsUnavailableAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> bulk.pauseBefore(2, "copy"))
                    .isInstanceOfSatisfying(
                            TaskFailedException.class,
                            e -> assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE))
                    .hasMessage("The copy was interrupted.");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
