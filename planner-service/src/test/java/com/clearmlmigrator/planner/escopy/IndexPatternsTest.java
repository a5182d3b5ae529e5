package com.clearmlmigrator.planner.escopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IndexPatternsTest {
    private static final String BROKEN = "events-log-d1bd92a3b039400cbafc60a7a5b1e52b";

    @Test
    void patternsTakeWhatTheyMatch() {
        IndexPatterns logs = IndexPatterns.of(List.of("events-log-*", "worker_stats_*"));

        assertThat(logs.matches(BROKEN)).isTrue();
        assertThat(logs.matches("worker_stats_c1_2020-08")).isTrue();
        assertThat(logs.matches("events-plot-c1")).isFalse();
    }

    /** A red index whose only shard is lost: everything else is copied, and it stays behind. */
    @Test
    void exclusionsAloneLeaveTheirIndicesOutOfEveryClearmlIndex() {
        IndexPatterns allButBroken = IndexPatterns.of(List.of("-" + BROKEN));

        assertThat(allButBroken.matches(BROKEN)).isFalse();
        assertThat(allButBroken.matches("events-log-c1")).isTrue();
        assertThat(allButBroken.matches("queue_metrics_c1_2020-09")).isTrue();
        assertThat(allButBroken.matches(".security")).as("not ClearML's").isFalse();
    }

    @Test
    void anExclusionWinsOverThePatternThatMatchesToo() {
        IndexPatterns events = IndexPatterns.of(List.of("events-*", "-events-*-c2"));

        assertThat(events.matches("events-log-c1")).isTrue();
        assertThat(events.matches("events-log-c2")).isFalse();
        assertThat(events.matches("worker_stats_c1_2020-08")).isFalse();
    }
}
