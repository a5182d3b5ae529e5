package com.clearmlmigrator.worker.elastic.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the elastic-worker. */
@ConfigMapping(prefix = "elastic-worker")
public interface ElasticWorkerConfig {
    /** How long to wait for a connection to a user's Elasticsearch node. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long to wait for an answer; bulk and scroll requests on big indices take a while. */
    @WithDefault("2m")
    Duration answerTimeout();

    /**
     * Documents per scroll page and most documents per bulk request of a copy (plot indices read pages of at most 50,
     * as Elasticsearch builds each answer whole in its heap).
     */
    @WithDefault("1000")
    int copyPageSize();

    /**
     * A copy's bulk request is sent once it holds this many bytes of sources. The worker holds at most two per task:
     * one being written, one being gathered.
     */
    @WithDefault("8388608")
    long copyBulkBytes();

    /**
     * A relink plans, journals and writes its documents in batches of at most this many bytes of sources (and 2,000
     * documents), parsed into maps: several times their size in the heap.
     */
    @WithDefault("4194304")
    long relinkBatchBytes();

    /**
     * Documents of at least this size (plots counted decompressed) are read, rewritten and written alone, one at a time
     * in the whole worker.
     */
    @WithDefault("4194304")
    long largeDocumentBytes();

    /**
     * The largest document the worker takes; a larger one fails its task with a sentence saying so. By default a sixth
     * of the heap: a large document may be held three or four times over while it is rewritten.
     */
    Optional<Long> maxDocumentBytes();

    /** The migrator's own database (same as the planner's) where the relink journal is kept. */
    @WithDefault("clearml_migrator")
    String journalDatabase();
}
