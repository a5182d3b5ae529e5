package com.clearmlmigrator.planner.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;

class PlannerHearingTest {
    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");
    private static final Duration GAP = Duration.ofSeconds(5);
    private static final StallPolicy POLICY = new StallPolicy(Duration.ofSeconds(12), 1);

    private final PlannerHearing hearing = new PlannerHearing(GAP, T0);

    @Test
    void aPlannerJustStartedIsNeitherDeafNorHearingUntilItsFirstProbeComesBack() {
        assertThat(hearing.deafFor(T0.plusSeconds(3))).isEmpty();
        assertThat(hearing.hearingSince(T0.plusSeconds(3))).isEmpty();

        assertThat(hearing.deafFor(T0.plusSeconds(8))).contains(Duration.ofSeconds(8));
    }

    @Test
    void probesComingBackWithinTheGapKeepOneUnbrokenSpellOfHearing() {
        for (int second = 1; second <= 20; second += 2) {
            hearing.probeCameBack(T0.plusSeconds(second));
        }

        assertThat(hearing.hearingSince(T0.plusSeconds(22))).contains(T0.plusSeconds(1));
        assertThat(hearing.deafFor(T0.plusSeconds(22))).isEmpty();
    }

    @Test
    void aBrokerAwayForLongerThanTheGapMakesThePlannerDeafAndItsReturnStartsANewSpell() {
        hearing.probeCameBack(T0.plusSeconds(1));

        assertThat(hearing.hearingSince(T0.plusSeconds(7)))
                .as("no probe for 6 s")
                .isEmpty();
        assertThat(hearing.deafFor(T0.plusSeconds(25))).contains(Duration.ofSeconds(24));

        hearing.probeCameBack(T0.plusSeconds(26));
        assertThat(hearing.hearingSince(T0.plusSeconds(27))).contains(T0.plusSeconds(26));
    }

    @Test
    void kafkaIsLostOnlyOnceItWasHeardAndThenNotForLongerThanTheGap() {
        assertThat(hearing.lostKafka(T0.plusSeconds(30)))
                .as("never heard since the start: a consumer still joining, not a lost broker")
                .isFalse();

        hearing.probeCameBack(T0.plusSeconds(31));
        assertThat(hearing.lostKafka(T0.plusSeconds(36))).isFalse();
        assertThat(hearing.lostKafka(T0.plusSeconds(37))).isTrue();

        hearing.probeCameBack(T0.plusSeconds(40));
        assertThat(hearing.lostKafka(T0.plusSeconds(41))).isFalse();
    }

    @Test
    void resultsHeldUpByTheStoreCountAsNotHearingAndSilenceCountsAgainFromWhenTheyFlow() {
        for (int second = 1; second <= 40; second += 2) {
            hearing.probeCameBack(T0.plusSeconds(second));
        }
        hearing.resultsHeldUp();

        assertThat(hearing.hearingSince(T0.plusSeconds(30)))
                .as("results held up")
                .isEmpty();
        assertThat(hearing.deafFor(T0.plusSeconds(30)))
                .as("Kafka itself is heard")
                .isEmpty();

        hearing.resultsFlow(T0.plusSeconds(35));
        assertThat(hearing.hearingSince(T0.plusSeconds(36))).contains(T0.plusSeconds(35));
    }

    @Test
    void aWorkerSilentForTheTimeoutHasStalledOnlyIfThePlannerHeardAllThatTime() {
        TaskUnderWay lastHeardAtOne = TaskUnderWay.heard(progress(), "mongo-worker@a", T0.plusSeconds(1));

        assertThat(POLICY.hasStalled(lastHeardAtOne, T0, T0.plusSeconds(13)))
                .as("heard Kafka throughout, silent for 12 s")
                .isTrue();
        assertThat(POLICY.hasStalled(lastHeardAtOne, T0, T0.plusSeconds(12)))
                .as("silent for 11 s")
                .isFalse();
        // The broker was away from 1 s to 20 s: the silence counts from the planner hearing again.
        assertThat(POLICY.hasStalled(lastHeardAtOne, T0.plusSeconds(20), T0.plusSeconds(25)))
                .isFalse();
        assertThat(POLICY.hasStalled(lastHeardAtOne, T0.plusSeconds(20), T0.plusSeconds(32)))
                .isTrue();
    }

    private static TaskProgress progress() {
        return new TaskProgress(new TaskId("m1", 1), 5, 0, T0, T0);
    }
}
