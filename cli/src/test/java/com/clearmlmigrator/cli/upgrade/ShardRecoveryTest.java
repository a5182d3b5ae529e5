package com.clearmlmigrator.cli.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ShardRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter said = new StringWriter();
    private Instant now = Instant.parse("2026-12-05T15:00:00Z");
    private int asked;
    private JsonNode recoveries = JSON.createObjectNode();

    /** A folder of hundreds of shards: the copy waits while they open, and the operator sees them open. */
    @Test
    void waitsWhileShardsOpenAndSaysHowFarTheNodeIs() throws Exception {
        Deque<JsonNode> answers = answers(
                health("red", 100, 4, 296),
                health("red", 160, 4, 236),
                health("red", 230, 4, 166),
                health("yellow", 300, 0, 300));

        recovery(answers).await(new PrintWriter(said));

        assertThat(answers).as("asked until every primary was open").isEmpty();
        assertThat(said.toString())
                .contains(
                        "the old node is opening its shards: 230 open, 4 opening; 2 indices not open yet (events-log-a,"
                                + " events-plot-a)");
    }

    /**
     * After an unclean stop a shard replays millions of logged operations before it opens: the line says how far, from
     * what ES 5.6.16 answered to {@code GET /_recovery?active_only=true} during such a replay (trimmed).
     */
    @Test
    void aShardReplayingItsTranslogSaysHowFarItIs() throws Exception {
        recoveries = JSON.readTree("""
                {"events-log-a": {"shards": [{"id": 0, "type": "EXISTING_STORE", "stage": "TRANSLOG", "primary": true,
                    "index": {"size": {"percent": "100.0%"}},
                    "translog": {"recovered": 1200000, "total": 2710708, "percent": "44.3%",
                                 "total_on_start": 2710708, "total_time_in_millis": 40000}}]},
                 "queue_metrics_a_2020-09": {"shards": [{"id": 0, "stage": "DONE", "primary": true,
                    "translog": {"recovered": 0, "total": 0}}]}}
                """);

        recovery(answers(
                        health("red", 17, 1, 19),
                        health("red", 17, 1, 19),
                        health("red", 17, 1, 19),
                        health("yellow", 19, 0, 19)))
                .await(new PrintWriter(said));

        assertThat(said.toString())
                .contains("2 indices not open yet (events-log-a: replaying its translog, 1,200,000 of 2,710,708"
                        + " operations (44%), about 50 s left, events-plot-a)");
    }

    @Test
    void aReplayedTranslogSaysSoWithoutATimeLeft() throws Exception {
        JsonNode replayed = JSON.readTree("""
                {"events-log-a": {"shards": [{"primary": true, "stage": "TRANSLOG",
                    "translog": {"recovered": 2710708, "total": 2710708, "total_time_in_millis": 90000}}]}}
                """);

        assertThat(TranslogReplays.of(replayed).of("events-log-a"))
                .isEqualTo("replayed its translog's 2,710,708 operations, opening");
    }

    @Test
    void aNodeWhosePrimariesAreOpenNeedsNoWaitEvenWithItsReplicasUnassigned() throws Exception {
        recovery(answers(health("yellow", 18, 0, 18))).await(new PrintWriter(said));

        assertThat(asked).isEqualTo(1);
        assertThat(said.toString()).isEmpty();
    }

    /** An index whose shard nothing will open: the copy's pre-flight names it and says what to do. */
    @Test
    void stopsWaitingWhenAShardStaysUnassignedAndNothingOpensForAMinute() throws Exception {
        JsonNode stuck = health("red", 17, 0, 19);
        Deque<JsonNode> answers = answers();
        for (int i = 0; i < 200; i++) {
            answers.add(stuck);
        }

        recovery(answers).await(new PrintWriter(said));

        assertThat(asked).as("polls, 5 s apart by the test's clock").isBetween(12, 14);
        assertThat(said.toString())
                .contains("The old node does not open events-log-a, events-plot-a: its primary shard is unassigned")
                .contains("--leave-behind events-log-a,events-plot-a");
    }

    @Test
    void anIndexTheOperatorLeavesBehindIsNotWaitedFor() throws Exception {
        recovery(answers(health("red", 17, 0, 19)), Set.of("events-log-a", "events-plot-a"))
                .await(new PrintWriter(said));

        assertThat(asked).isEqualTo(1);
    }

    /** X-Pack's monitoring index of Elastic's 5.6 image, red: the copy never takes it, so nothing waits for it. */
    @Test
    void aRedIndexThatIsNotClearmlsIsNotWaitedFor() throws Exception {
        ObjectNode health = (ObjectNode) health("yellow", 18, 0, 19);
        ((ObjectNode) health.get("indices"))
                .putObject(".monitoring-es-6-2026.12.05")
                .put("status", "red");

        recovery(answers(health.put("status", "red"))).await(new PrintWriter(said));

        assertThat(asked).isEqualTo(1);
        assertThat(said.toString()).isEmpty();
    }

    private ShardRecovery recovery(Deque<JsonNode> answers) {
        return recovery(answers, Set.of());
    }

    private ShardRecovery recovery(Deque<JsonNode> answers, Set<String> leftBehind) {
        return new ShardRecovery(
                () -> {
                    asked++;
                    return answers.pop();
                },
                () -> recoveries,
                leftBehind,
                () -> now,
                pause -> now = now.plusSeconds(5));
    }

    private static Deque<JsonNode> answers(JsonNode... answers) {
        return new ArrayDeque<>(List.of(answers));
    }

    /** The node's health; while it is red, two indices are not open yet. */
    private static JsonNode health(String status, int active, int opening, int unassigned) {
        ObjectNode health = JSON.createObjectNode()
                .put("status", status)
                .put("active_primary_shards", active)
                .put("initializing_shards", opening)
                .put("unassigned_shards", unassigned);
        ObjectNode indices = health.putObject("indices");
        indices.putObject("events-plot-a").put("status", "red".equals(status) ? "red" : "yellow");
        indices.putObject("events-log-a").put("status", "red".equals(status) ? "red" : "yellow");
        indices.putObject("events-log-b").put("status", "yellow");
        return health;
    }
}
