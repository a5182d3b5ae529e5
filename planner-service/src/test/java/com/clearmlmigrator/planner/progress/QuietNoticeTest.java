package com.clearmlmigrator.planner.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;

class QuietNoticeTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** The planner has heard Kafka all along. */
    private static final Instant HEARD_SINCE = T0.minusSeconds(3600);

    @Test
    void aWorkerHeardFromInTheLast20SecondsIsNotMentioned() {
        List<TaskUnderWay> underWay = List.of(heard(1, "w1", T0), heard(2, "w1", T0.plusSeconds(15)));

        assertThat(noticeOf(underWay, HEARD_SINCE, T0.plusSeconds(19), TIMEOUT)).isEmpty();
    }

    @Test
    void aQuietWorkerIsNamedWithItsTasksAndTheSilenceInStepsOfFiveSeconds() {
        List<TaskUnderWay> underWay = List.of(
                heard(1, "elastic-worker@a/1", T0),
                heard(2, "elastic-worker@a/1", T0.plusSeconds(3)),
                heard(3, "elastic-worker@b/2", T0.plusSeconds(40)));

        assertThat(noticeOf(underWay, HEARD_SINCE, T0.plusSeconds(44), TIMEOUT))
                .hasValue("elastic-worker@a/1 has said nothing of the 2 tasks it performs for 40 s (frozen, overloaded"
                        + " or cut off from Kafka?); at 180 s of silence a task counts as stalled and is sent again.");
        // The same words for the next few seconds, so a watch is not sent a new view every second.
        assertThat(noticeOf(underWay, HEARD_SINCE, T0.plusSeconds(41), TIMEOUT))
                .isEqualTo(noticeOf(underWay, HEARD_SINCE, T0.plusSeconds(44), TIMEOUT));
        assertThat(noticeOf(underWay, HEARD_SINCE, T0.plusSeconds(45), TIMEOUT))
                .hasValueSatisfying(notice -> assertThat(notice).contains("for 45 s"));
    }

    @Test
    void everyQuietWorkerIsNamedTheLongestSilentFirst() {
        List<TaskUnderWay> underWay = List.of(heard(1, "w-late", T0.plusSeconds(10)), heard(2, "w-early", T0));

        assertThat(noticeOf(underWay, HEARD_SINCE, T0.plusSeconds(60), TIMEOUT))
                .hasValueSatisfying(notice -> assertThat(notice)
                        .startsWith("w-early has said nothing of the task it performs for 60 s")
                        .contains(" w-late has said nothing of the task it performs for 50 s"));
    }

    @Test
    void tasksAlreadyStalledAreSaidToBeSentAgain() {
        TaskUnderWay stalled = heard(1, "w1", T0).stalled(T0.plus(TIMEOUT));

        assertThat(noticeOf(List.of(stalled), HEARD_SINCE, T0.plus(TIMEOUT).plusSeconds(2), TIMEOUT))
                .hasValue("w1 has said nothing of the task it performs for 180 s: stalled, sent again for a live"
                        + " worker to take over once its lease ends.");
    }

    @Test
    void theWorkerTakingAQuietWorkersTasksOverIsNamed() {
        // Seen on the dev stack: a mongo-worker killed mid-relink, its tasks watched by the other for 20 s.
        List<TaskUnderWay> one = List.of(heard(1, "w1", T0));
        assertThat(QuietNotice.of(one, task -> Optional.of("w2"), HEARD_SINCE, T0.plusSeconds(30), TIMEOUT))
                .hasValue("w1 has said nothing of the task it performs for 30 s (frozen, overloaded or cut off from"
                        + " Kafka?); at 180 s of silence a task counts as stalled and is sent again. w2 is taking it"
                        + " over once the quiet worker's lease runs out.");

        List<TaskUnderWay> three = List.of(heard(1, "w1", T0), heard(2, "w1", T0), heard(3, "w1", T0));
        assertThat(QuietNotice.of(
                        three,
                        task -> task.ordinal() < 3 ? Optional.of("w2") : Optional.empty(),
                        HEARD_SINCE,
                        T0.plusSeconds(30),
                        TIMEOUT))
                .hasValueSatisfying(notice -> assertThat(notice)
                        .endsWith(" w2 is taking 2 of them over once the quiet worker's lease runs out."));
    }

    @Test
    void silenceWhileThePlannerWasDeafToKafkaIsNotTheWorkers() {
        List<TaskUnderWay> underWay = List.of(heard(1, "w1", T0));
        Instant brokerBack = T0.plusSeconds(30);

        assertThat(noticeOf(underWay, brokerBack, brokerBack.plusSeconds(5), TIMEOUT))
                .isEmpty();
        assertThat(noticeOf(underWay, brokerBack, brokerBack.plusSeconds(20), TIMEOUT))
                .hasValueSatisfying(notice -> assertThat(notice).contains("for 20 s"));
    }

    @Test
    void aShortStallTimeoutSpeaksAfterAQuarterOfIt() {
        Duration timeout = Duration.ofSeconds(12);
        List<TaskUnderWay> underWay = List.of(heard(1, "w1", T0));

        assertThat(noticeOf(underWay, HEARD_SINCE, T0.plusSeconds(2), timeout)).isEmpty();
        assertThat(noticeOf(underWay, HEARD_SINCE, T0.plusSeconds(3), timeout))
                .hasValueSatisfying(notice ->
                        assertThat(notice).startsWith("w1 has said nothing of the task it" + " performs for 3 s"));
    }

    /** The notice when no worker is taking a task over. */
    private static Optional<String> noticeOf(
            List<TaskUnderWay> underWay, Instant hearingSince, Instant now, Duration timeout) {
        return QuietNotice.of(underWay, task -> Optional.empty(), hearingSince, now, timeout);
    }

    private static TaskUnderWay heard(int ordinal, String worker, Instant at) {
        return TaskUnderWay.heard(new TaskProgress(new TaskId("m1", ordinal), 10, 0, T0, at), worker, at);
    }
}
