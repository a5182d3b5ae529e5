package com.clearmlmigrator.worker.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationTask;

/**
 * The migrations whose store a task of theirs waited for through all its attempts, on this worker, until one of their
 * tasks gets through again. Their other tasks sent before then try once: a store that stayed away for the whole retry
 * window (two minutes by default) ended a relink of 55 parts, four at a time, only after each part had waited its own
 * two minutes (about 27 in all), where the operator needs to hear that it is away and retry once it is back. The tasks
 * of that retry are sent after the wait and wait their full tries again: a store just started may take a minute to
 * open its shards.
 */
@ApplicationScoped
public class StoreOutages {
    private final Map<String, Instant> waitedInVain = new ConcurrentHashMap<>();

    /** A task of this migration made every attempt its store allowed, and the store never answered. */
    void waitedInVain(String migrationId) {
        waitedInVain.put(migrationId, Instant.now());
    }

    /**
     * Whether a task of this task's migration waited for its store in vain after the planner sent this one (by the
     * planner's clock, against this worker's: a retry comes minutes later), and none got through since.
     */
    boolean isKnownAway(MigrationTask task) {
        Instant waited = waitedInVain.get(task.id().migrationId());
        return waited != null && (task.sentAt() == null || task.sentAt().isBefore(waited));
    }

    /** A task of this migration got through: its store answers again. */
    void answered(String migrationId) {
        waitedInVain.remove(migrationId);
    }
}
