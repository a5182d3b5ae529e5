package com.clearmlmigrator.worker.mongo.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the mongo-worker. */
@ConfigMapping(prefix = "mongo-worker")
public interface MongoWorkerConfig {
    /** How long to wait for a user's MongoDB to be found and to accept a connection before the task fails. */
    @WithDefault("10s")
    Duration answerTimeout();

    /** The migrator's own database (same as the planner's) where the relink journal is kept. */
    @WithDefault("clearml_migrator")
    String journalDatabase();
}
