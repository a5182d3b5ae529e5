package com.clearmlmigrator.worker.elastic.config;

import java.time.Duration;

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
     * Documents per scroll page and bulk request of a copy (plot indices use at most 50, their documents being large).
     * Progress is published between pages.
     */
    @WithDefault("1000")
    int copyPageSize();

    /** The migrator's own database (same as the planner's) where the relink journal is kept. */
    @WithDefault("clearml_migrator")
    String journalDatabase();
}
