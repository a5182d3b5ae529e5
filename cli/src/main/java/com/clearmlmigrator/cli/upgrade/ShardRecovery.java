package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.clearmlmigrator.contracts.ClearmlIndices;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Waits for the node on the old folder to open its shards before the copy lists and plans them. Our nodes answer once
 * their cluster is yellow or after 30 s (the 5.6 and 7.6 runners) or 120 s (the 7.17 node); a node that recovers a
 * large folder (hundreds of shards, or a translog to replay after an unclean stop) may still be opening shards then, and
 * a copy planned meanwhile would find those indices red and refuse. Says how far the node is every ten seconds, with
 * each replay's operations and time left. A shard that stays unassigned while nothing opens for a minute is left to the copy's pre-flight, which names
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

    /** {@code GET /_recovery?active_only=true} of the node: how far its shards are in opening. */
    @FunctionalInterface
    interface Recoveries {
        JsonNode get() throws IOException, InterruptedException;
    }

    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final Health health;
    private final Recoveries recoveries;
    private final Set<String> leftBehind;
    private final Supplier<Instant> clock;
    private final Pause pause;

    /** @param leftBehind indices the operator leaves in the old folder ({@code --leave-behind}): not waited for */
    ShardRecovery(Health health, Recoveries recoveries, Set<String> leftBehind, Supplier<Instant> clock, Pause pause) {
        this.health = health;
        this.recoveries = recoveries;
        this.leftBehind = Set.copyOf(leftBehind);
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Returns once every primary is open and none is opening, or once nothing has opened for a minute (saying which
     * indices stay closed to the copy, and how to go on without them).
     */
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
                List<String> unopened = red(now);
                out.println("The old node does not open " + String.join(", ", unopened) + ": its primary shard is"
                        + " unassigned, so the copy will refuse it. Leave it in the old folder with --leave-behind "
                        + String.join(",", unopened) + ", or bring its shard back.");
                out.flush();
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

    /**
     * No shard still opening, and every index the copy takes yellow at least (a single node never assigns replicas).
     */
    private boolean opened(JsonNode health) {
        return health.path("initializing_shards").asLong() == 0 && red(health).isEmpty();
    }

    /** The indices the copy takes whose primary is not open (red), by name. */
    private List<String> red(JsonNode health) {
        List<String> red = new ArrayList<>();
        health.path("indices").fields().forEachRemaining(index -> {
            if ("red".equals(index.getValue().path("status").asText()) && copied(index.getKey())) {
                red.add(index.getKey());
            }
        });
        Collections.sort(red);
        return red;
    }

    /**
     * The copy takes ClearML's indices only: a red X-Pack index of Elastic's 5.6 image (or any other not ClearML's)
     * stays in the old folder, so it is not worth a minute's wait or a hint to leave it behind.
     */
    private boolean copied(String index) {
        return ClearmlIndices.isClearmlIndex(index) && !leftBehind.contains(index);
    }

    /**
     * Primaries open and shards opening, and the indices not open yet with how far each replays its translog: a single
     * node's replicas never open.
     */
    private String line(JsonNode health) throws IOException, InterruptedException {
        long active = health.path("active_primary_shards").asLong();
        long opening = health.path("initializing_shards").asLong();
        List<String> closed = red(health);
        String line = "  the old node is opening its shards: " + active + " open, " + opening + " opening";
        if (closed.isEmpty()) {
            return line;
        }
        TranslogReplays replays = TranslogReplays.of(recoveries.get());
        List<String> named = new ArrayList<>();
        for (String index : closed.subList(0, Math.min(3, closed.size()))) {
            String replay = replays.of(index);
            named.add(replay.isEmpty() ? index : index + ": " + replay);
        }
        return line + "; " + closed.size() + (closed.size() == 1 ? " index" : " indices") + " not open yet ("
                + String.join(", ", named) + (closed.size() > 3 ? ", ..." : "") + ")";
    }
}
