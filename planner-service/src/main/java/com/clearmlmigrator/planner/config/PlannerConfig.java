package com.clearmlmigrator.planner.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the planner-service. */
@ConfigMapping(prefix = "planner")
public interface PlannerConfig {
    /** The planner's own database (in the MongoDB of quarkus.mongodb.connection-string) for migrations and tasks. */
    @WithDefault("clearml_migrator")
    String database();

    /**
     * The database the workers keep the relink journal in (their {@code journal-database}): the planner reads and
     * forgets a relink's journal there, and refuses the undo of one forgotten.
     */
    @WithDefault("clearml_migrator")
    String journalDatabase();

    /** Partitions of each task topic: the most copies of one worker kind that can share a migration's tasks. */
    @WithDefault("6")
    int taskPartitions();

    /** How long planning waits for a user's MongoDB or Elasticsearch before failing the migration. */
    @WithDefault("5s")
    Duration storeTimeout();

    /**
     * How long planning waits, at most, for an Elasticsearch that has not recovered its cluster state yet, and then for
     * one still opening the shards of red indices it is to read (it has just started, or replays a translog): while
     * shards open, instead of refusing them as lost.
     */
    @WithDefault("5m")
    Duration shardOpeningWait();

    /** How long the results consumer waits before trying a result again while its MongoDB (or the broker) is away. */
    @WithDefault("2s")
    Duration resultRetryPause();

    /** Relink: MongoDB documents per task (one id range); a crash redoes at most this many. */
    @WithDefault("2000")
    int relinkChunkSize();

    /**
     * Relink: Elasticsearch documents per task (one scroll slice). Large, because every slice of a shard reads the
     * whole shard again: on ES 7.10, 100,000 debug images in one slice cost the server 14.6 CPU-s to relink, in two
     * slices 20.4, in 16 slices 27.4 (measured). A crash redoes one slice, mostly reading: the journal tells which
     * documents are already written.
     */
    @WithDefault("100000")
    int relinkSliceSize();

    /** Relink: plot documents per task, fewer than other events: each is opened and rewritten on the worker. */
    @WithDefault("1000")
    int relinkPlotSliceSize();

    /** Relink: most slices of one index. */
    @WithDefault("16")
    int relinkMaxSlices();

    /** es-copy: Elasticsearch documents per copy task (one scroll slice); a crashed task copies at most this many again. */
    @WithDefault("20000")
    int copySliceSize();

    /** es-copy: most slices of one index (every slice filters the whole index on the source). */
    @WithDefault("32")
    int copyMaxSlices();

    /**
     * es-copy: elastic-workers expected to copy at once, to share a request's {@code maxDocsPerSecond} between them; each
     * worker's tasks of the copy share its part. Set it to the number of elastic-workers (the Helm chart does): with
     * more workers than this, a throttled copy runs faster than asked.
     */
    @WithDefault("1")
    int copyWorkers();

    /**
     * es-copy: indices of at most this many documents are created on the target with their final replicas and refresh
     * interval, instead of with both off and put back after the copy; they arrive in a bulk or two.
     */
    @WithDefault("1000")
    int copySmallIndex();

    /**
     * Migrations being planned or waiting to be, at most; beyond it a submission is refused with 503 and nothing is
     * recorded. Planning waits up to {@link #storeTimeout()} on each unreachable store.
     */
    @WithDefault("50")
    int planningQueue();

    /** Where each finished migration's report is also written as a timestamped JSON file. */
    @WithDefault("reports")
    String reportDir();

    /**
     * How long a started task may go without a heartbeat naming it before it counts as stalled (its worker frozen, cut
     * off or gone). Workers send heartbeats every {@code worker.progress-interval} (2 s) and hold a task's lease for
     * {@code worker.lease-time} (20 s), so this must be well above both.
     */
    @WithDefault("3m")
    Duration stallTimeout();

    /** How often the planner looks for stalled tasks. */
    @WithDefault("5s")
    Duration stallCheckInterval();

    /**
     * How often the planner sends itself a probe through Kafka's heartbeats topic. While five in a row do not come back
     * it counts itself deaf, and calls no task stalled. At least 1 s: the scheduler runs nothing more often.
     */
    @WithDefault("1s")
    Duration probeInterval();

    /**
     * How often a stalled task is sent again before it fails as TARGET_UNAVAILABLE. A live worker takes a resent task
     * up once the silent one's lease ran out.
     */
    @WithDefault("1")
    int stallResends();

    /**
     * When set, every call of the migrations API must carry {@code Authorization: Bearer <token>}; unset, the API is
     * open (bind it to a trusted network).
     */
    Optional<String> apiToken();
}
