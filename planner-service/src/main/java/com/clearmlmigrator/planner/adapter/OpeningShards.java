package com.clearmlmigrator.planner.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.clearmlmigrator.stores.ClusterStarting;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Waits while a cluster opens the shards of red indices about to be read. Right after Elasticsearch starts (as when an
 * operator restarts ClearML's to publish its port for the window) every index is red until its primary is open, and
 * after an unclean stop a primary first replays its translog: a survey meanwhile would take the indices for ones with a
 * lost shard and refuse them. The wait goes on while shards open or more primaries are open than a look before, for at
 * most {@code patience}; red indices while nothing opens for {@link #QUIET} are left to the caller, which names them.
 * Before that, a cluster that has not recovered its state yet answers no read at all: the first is tried again meanwhile.
 */
public final class OpeningShards {
    private static final Logger LOG = Logger.getLogger(OpeningShards.class);
    /** Between the start of a node and its first shard opening, and between two throttled batches of recoveries. */
    static final Duration QUIET = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofSeconds(2);

    /** {@code GET /_cluster/health?level=indices}, which ES 5.6 to 8 answer alike. */
    @FunctionalInterface
    interface Health {
        JsonNode get();
    }

    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final Duration patience;
    private final Supplier<Instant> clock;
    private final Pause pause;

    OpeningShards(Duration patience, Supplier<Instant> clock, Pause pause) {
        this.patience = patience;
        this.clock = clock;
        this.pause = pause;
    }

    public static OpeningShards waitingUpTo(Duration patience) {
        return new OpeningShards(patience, Instant::now, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * {@code _cat/indices} rows ({@code catIndices}, with {@code health} among the columns) read once the red indices
     * among those to {@code read} are open, or once the cluster has stopped opening them.
     */
    JsonNode catIndicesOnceOpen(ElasticClient client, String catIndices, Predicate<String> read, String cluster) {
        JsonNode rows = onceStarted(() -> client.get(catIndices), cluster);
        Set<String> red = CatIndexRow.red(rows, read);
        if (red.isEmpty()) {
            return rows;
        }
        await(() -> client.get(CatIndexRow.HEALTH), red, cluster);
        return client.get(catIndices);
    }

    /**
     * A first read of a cluster, once it has recovered its cluster state: before, Elasticsearch refuses every read (for
     * less than a second after a start on one node, until {@code gateway.recover_after_time} on a cluster waiting for
     * its nodes).
     *
     * @throws ClusterStarting.StillStarting when it is still starting after the patience
     */
    <T> T onceStarted(Supplier<T> read, String cluster) {
        Instant started = clock.get();
        boolean said = false;
        while (true) {
            try {
                return read.get();
            } catch (ClusterStarting.StillStarting e) {
                if (Duration.between(started, clock.get()).compareTo(patience) >= 0) {
                    throw e;
                }
                if (!said) {
                    said = true;
                    LOG.infof(
                            "Elasticsearch at %s has not recovered its cluster state yet: waiting up to %d s before"
                                    + " reading it",
                            cluster, patience.toSeconds());
                }
                try {
                    pause.pause(POLL);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Returns once none of {@code red} is red, or once the cluster stops opening shards or the patience runs out. */
    void await(Health health, Set<String> red, String cluster) {
        if (red.isEmpty()) {
            return;
        }
        Instant started = clock.get();
        Instant lastMoved = started;
        long lastActive = -1;
        boolean said = false;
        for (JsonNode now = health.get(); anyRed(now, red); now = health.get()) {
            Instant at = clock.get();
            long active = now.path("active_primary_shards").asLong();
            if (active != lastActive || now.path("initializing_shards").asLong() > 0) {
                lastMoved = at;
                lastActive = active;
            }
            if (Duration.between(lastMoved, at).compareTo(QUIET) >= 0
                    || Duration.between(started, at).compareTo(patience) >= 0) {
                LOG.infof(
                        "Elasticsearch at %s has not opened every shard of %s after %d s: reading them as they are",
                        cluster, red, Duration.between(started, at).toSeconds());
                return;
            }
            if (!said) {
                said = true;
                LOG.infof(
                        "Elasticsearch at %s is opening shards (%d open, %d opening): waiting before reading %s",
                        cluster, active, now.path("initializing_shards").asLong(), red);
            }
            try {
                pause.pause(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean anyRed(JsonNode health, Set<String> red) {
        return red.stream()
                .anyMatch(index -> "red"
                        .equals(health.path("indices")
                                .path(index)
                                .path("status")
                                .asText()));
    }
}
