package com.clearmlmigrator.cli.upgrade;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How far the old node is in replaying the translogs of the shards it opens, from {@code GET
 * /_recovery?active_only=true} (alike from 5.6 to 8). After an unclean stop, a shard replays every operation logged since
 * its last flush before it opens: millions for a busy events index, minutes of an upgrade during which the operator
 * would otherwise see only that the index is not open yet.
 */
final class TranslogReplays {
    private final Map<String, String> byIndex;

    private TranslogReplays(Map<String, String> byIndex) {
        this.byIndex = byIndex;
    }

    static TranslogReplays none() {
        return new TranslogReplays(Map.of());
    }

    /** @param recoveries the answer to {@code GET /_recovery?active_only=true} */
    static TranslogReplays of(JsonNode recoveries) {
        Map<String, String> byIndex = new HashMap<>();
        recoveries.fields().forEachRemaining(index -> {
            for (JsonNode shard : index.getValue().path("shards")) {
                if (shard.path("primary").asBoolean()
                        && "TRANSLOG".equals(shard.path("stage").asText())) {
                    byIndex.put(index.getKey(), replaying(shard.path("translog")));
                }
            }
        });
        return new TranslogReplays(byIndex);
    }

    /** {@code replaying its translog, 1,200,000 of 2,710,708 operations (44%), about 1 min left}; empty when not. */
    String of(String index) {
        return byIndex.getOrDefault(index, "");
    }

    private static String replaying(JsonNode translog) {
        long done = translog.path("recovered").asLong();
        long total = translog.path("total").asLong(-1);
        String line = String.format(Locale.ROOT, "replaying its translog, %,d", done);
        if (total <= 0) {
            // ES answers -1 while it has not counted the operations yet.
            return line + " operations";
        }
        if (done >= total) {
            // Replayed; the shard still flushes and opens, which ends the stage.
            return String.format(Locale.ROOT, "replayed its translog's %,d operations, opening", total);
        }
        line += String.format(Locale.ROOT, " of %,d operations (%d%%)", total, done * 100 / total);
        double seconds = translog.path("total_time_in_millis").asLong() / 1000.0;
        if (done <= 0 || seconds <= 0) {
            return line;
        }
        return line + ", " + TimeLeft.of(Math.round((total - done) / (done / seconds)));
    }
}
