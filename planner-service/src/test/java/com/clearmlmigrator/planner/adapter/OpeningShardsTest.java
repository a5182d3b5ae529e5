package com.clearmlmigrator.planner.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.stores.ClusterStarting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpeningShardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TO_READ = Set.of("events-log-a");
    private static final String ES = "[http://es:9200]";

    private Instant now = Instant.parse("2026-12-05T17:00:00Z");
    private int asked;

    /** Elasticsearch has just started: its shards open a few at a time, and the read waits for them. */
    @Test
    void waitsWhileAStartedClusterOpensItsShards() {
        Deque<JsonNode> answers =
                answers(health(0, 4, "red"), health(4, 4, "red"), health(8, 4, "red"), health(12, 0, "yellow"));

        shards(Duration.ofMinutes(5)).await(next(answers), TO_READ, "[http://es:9200]");

        assertThat(answers).as("asked until the index was open").isEmpty();
    }

    /** A lost primary: nothing opens, and the wait ends after a few seconds for the pre-flight to name the index. */
    @Test
    void stopsWaitingOnceNothingOpens() {
        shards(Duration.ofMinutes(5)).await(always(health(17, 0, "red")), TO_READ, "[http://es:9200]");

        assertThat(asked)
                .as("polls, 2 s apart by the test's clock, until 10 s passed without change")
                .isEqualTo(6);
    }

    /** A translog replay longer than the planner's patience: the index stays red, and the pre-flight says how to tell. */
    @Test
    void stopsWaitingWhenThePatienceRunsOut() {
        shards(Duration.ofSeconds(30)).await(always(health(17, 1, "red")), TO_READ, "[http://es:9200]");

        assertThat(asked).isEqualTo(16);
    }

    @Test
    void aRedIndexThatIsNotReadIsNotWaitedFor() {
        shards(Duration.ofMinutes(5)).await(next(answers(health(17, 0, "red"))), Set.of(), "[http://es:9200]");

        assertThat(asked).isZero();
    }

    /** Right after a start Elasticsearch refuses every read until it has recovered its cluster state. */
    @Test
    void aFirstReadWaitsWhileTheClusterRecoversItsState() {
        String rows = shards(Duration.ofMinutes(5)).onceStarted(startingFor(3, "[{\"index\":\"events-log-a\"}]"), ES);

        assertThat(rows).isEqualTo("[{\"index\":\"events-log-a\"}]");
        assertThat(asked).as("asked again, 2 s apart, until it answered").isEqualTo(4);
    }

    /** A cluster waiting for nodes that never join: the planner gives up after its patience and says why. */
    @Test
    void aClusterStillStartingAfterThePatienceIsNamed() {
        OpeningShards shards = shards(Duration.ofSeconds(30));

        assertThatThrownBy(() -> shards.onceStarted(startingFor(Integer.MAX_VALUE, "never"), ES))
                .isInstanceOf(ClusterStarting.StillStarting.class)
                .hasMessageContaining("has not recovered its cluster state yet");
        assertThat(asked).isEqualTo(16);
    }

    private Supplier<String> startingFor(int refusals, String answer) {
        return () -> {
            if (asked++ < refusals) {
                throw new ClusterStarting.StillStarting(
                        "Elasticsearch at " + ES + " has not recovered its cluster state yet (...)", null);
            }
            return answer;
        };
    }

    private OpeningShards shards(Duration patience) {
        return new OpeningShards(patience, () -> now, pause -> now = now.plus(pause));
    }

    private OpeningShards.Health next(Deque<JsonNode> answers) {
        return () -> {
            asked++;
            return answers.pop();
        };
    }

    private OpeningShards.Health always(JsonNode answer) {
        return () -> {
            asked++;
            return answer;
        };
    }

    private static Deque<JsonNode> answers(JsonNode... answers) {
        return new ArrayDeque<>(List.of(answers));
    }

    private static JsonNode health(int active, int opening, String indexStatus) {
        ObjectNode health =
                JSON.createObjectNode().put("active_primary_shards", active).put("initializing_shards", opening);
        health.putObject("indices").putObject("events-log-a").put("status", indexStatus);
        return health;
    }
}
