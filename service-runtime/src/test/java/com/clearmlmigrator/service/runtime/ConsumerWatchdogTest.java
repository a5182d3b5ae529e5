package com.clearmlmigrator.service.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.service.runtime.ConsumerWatchdog.DeadConsumer;
import com.clearmlmigrator.service.runtime.ConsumerWatchdog.DeadConsumer.Verdict;

class ConsumerWatchdogTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aConsumerThatStaysFailedForTheGracePeriodMakesTheServiceExit() {
        DeadConsumer judge = new DeadConsumer(Duration.ofSeconds(30));

        assertThat(judge.seen(false, T0)).isEqualTo(Verdict.ALIVE);
        assertThat(judge.seen(true, T0.plusSeconds(5))).isEqualTo(Verdict.FAILED);
        assertThat(judge.seen(true, T0.plusSeconds(20))).isEqualTo(Verdict.STILL_FAILED);
        assertThat(judge.seen(true, T0.plusSeconds(35))).isEqualTo(Verdict.EXIT);
    }

    @Test
    void aConsumerThatRecoversStartsTheGracePeriodAgain() {
        DeadConsumer judge = new DeadConsumer(Duration.ofSeconds(30));

        judge.seen(true, T0);
        assertThat(judge.seen(false, T0.plusSeconds(25))).isEqualTo(Verdict.ALIVE);
        assertThat(judge.seen(true, T0.plusSeconds(40))).isEqualTo(Verdict.FAILED);
        assertThat(judge.seen(true, T0.plusSeconds(60))).isEqualTo(Verdict.STILL_FAILED);
    }
}
