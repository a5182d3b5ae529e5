package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Waits for the node on the old folder to open its shards before the copy lists and plans them. Our nodes answer once
 * their cluster is yellow or after 30 s (the 5.6 and 7.6 runners), or fail after 120 s (the 7.17 node); a node that
 * recovers a large folder (hundreds of shards, or a translog to replay after an unclean stop) may still be opening
 * shards then, and a copy planned meanwhile would find those indices red and refuse. Says how far the node is every ten
 * seconds. A shard that stays unassigned while nothing opens for a minute is left to the copy's pre-flight, which names
 * its index and what to do.
 */
final class ShardRecovery {
    private static final Duration SAY_EVERY = Duration.ofSeconds(10);
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofSeconds(1);

    /** {@code GET /_cluster/health?level=indices} of the node. */
    @FunctionalInterface
    interface Health {
        JsonNode get() throws IOException, InterruptedException;
    }

    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final Health health;
    private final Supplier<Instant> clock;
    private final Pause pause;

    ShardRecovery(Health health, Supplier<Instant> clock, Pause pause) {
        this.health = health;
        this.clock = clock;
        this.pause = pause;
    }

    /** Returns once every primary is open and none is opening, or once nothing has opened for a minute. */
    void await(PrintWriter out) throws IOException, InterruptedException {
        Instant lastSaid = clock.get();
        Instant lastMoved = lastSaid;
        long lastActive = -1;
        for (JsonNode now = health.get(); !opened(now); now = health.get()) {
            long active = now.path("active_primary_shards").asLong();
            Instant at = clock.get();
            if (active != lastActive || now.path("initializing_shards").asLong() > 0) {
                lastMoved = at;
                lastActive = active;
            } else if (Duration.between(lastMoved, at).compareTo(STUCK_AFTER) >= 0) {
                return;
            }
            if (Duration.between(lastSaid, at).compareTo(SAY_EVERY) >= 0) {
                out.println(line(now));
                out.flush();
                lastSaid = at;
            }
            pause.pause(POLL);
        }
    }

    /** Yellow at least (a single node never assigns replicas), and no shard still opening. */
    static boolean opened(JsonNode health) {
        return !"red".equals(health.path("status").asText())
                && health.path("initializing_shards").asLong() == 0;
    }

    /** Shards open and opening, and the indices not open yet (red): a single node's replicas never open, and say nothing. */
    static String line(JsonNode health) {
        long active = health.path("active_primary_shards").asLong();
        long opening = health.path("initializing_shards").asLong();
        List<String> closed = new ArrayList<>();
        health.path("indices").fields().forEachRemaining(index -> {
            if ("red".equals(index.getValue().path("status").asText())) {
                closed.add(index.getKey());
            }
        });
        String line = "  the old node is opening its shards: " + active + " open, " + opening + " opening";
        if (closed.isEmpty()) {
            return line;
        }
        Collections.sort(closed);
        return line + "; " + closed.size() + (closed.size() == 1 ? " index" : " indices") + " not open yet ("
                + String.join(", ", closed.subList(0, Math.min(3, closed.size())))
                + (closed.size() > 3 ? ", ..." : "") + ")";
    }
}
