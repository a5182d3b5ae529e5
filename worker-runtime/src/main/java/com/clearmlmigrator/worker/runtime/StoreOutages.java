package com.clearmlmigrator.worker.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationTask;

/**
 * The migrations whose store a task of theirs waited for through all its retries, on this worker, until one of their
 * tasks gets through again. Their other tasks sent before then try at most once: a store that stayed away for the whole
 * retry window (two minutes by default) ended a relink of 55 parts, four at a time, only after each part had waited its
 * own two minutes (about 27 in all), where the operator needs to hear that it is away and retry once it is back. The
 * tasks of that retry are sent after the wait and wait their full tries again: a store just started may take a minute
 * to open its shards.
 */
@ApplicationScoped
public class StoreOutages {
    private final Map<String, Outage> outages = new ConcurrentHashMap<>();

    /**
     * A wait in vain, as the task that waited ended it.
     *
     * @param ended   when it gave up, by this worker's clock
     * @param failure what its last attempt ended with
     * @param silent  whether the store took requests and never answered them ({@link
     *                com.clearmlmigrator.stores.StoreSilence}), nor a ping ({@link StorePing}): then a single attempt
     *                costs the whole answer timeout and the migration's other tasks make none, where one refused at
     *                once costs nothing to try
     */
    record Outage(Instant ended, String failure, boolean silent) {}

    /** A task of this migration made every attempt its retries allowed, and the store never answered. */
    void waitedInVain(String migrationId, Outage outage) {
        outages.put(migrationId, outage);
    }

    /**
     * The wait in vain of a task of this task's migration that ended after the planner sent this one (by the planner's
     * clock, against this worker's: a retry comes minutes later), when none got through since.
     */
    Optional<Outage> knownFor(MigrationTask task) {
        return Optional.ofNullable(outages.get(task.id().migrationId()))
                .filter(outage -> task.sentAt() == null || task.sentAt().isBefore(outage.ended()));
    }

    /** A task of this migration got through: its store answers again. */
    void answered(String migrationId) {
        outages.remove(migrationId);
    }
}
