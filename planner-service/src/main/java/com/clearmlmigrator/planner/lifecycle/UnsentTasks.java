package com.clearmlmigrator.planner.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.TaskDispatcher;
import com.clearmlmigrator.planner.progress.PlannerHearing;

/**
 * The migrations whose ready tasks the broker did not take at submission, retry or the planner's start (or that were not
 * offered to it, the planner having lost Kafka), none of which waits for it: nothing else would send those tasks, and
 * the migration would stay {@code RUNNING} with them unsent until the planner restarted. (A result that frees tasks
 * waits for the broker itself.) They are sent again with each stall check while the planner hears Kafka, so no check
 * waits out the producer's timeout. Likewise the cancelled migrations whose unsent tasks a cancel could not skip at once.
 */
@ApplicationScoped
public class UnsentTasks {
    private static final Logger LOG = Logger.getLogger(UnsentTasks.class);
    private static final Duration SKIP_WAIT = Duration.ofSeconds(1);

    private final Set<String> owed = ConcurrentHashMap.newKeySet();
    private final Set<String> owedSkips = ConcurrentHashMap.newKeySet();
    private final MigrationStore store;
    private final TaskScheduler scheduler;
    private final PlannerHearing hearing;

    public UnsentTasks(MigrationStore store, TaskScheduler scheduler, PlannerHearing hearing) {
        this.store = store;
        this.scheduler = scheduler;
        this.hearing = hearing;
    }

    /**
     * Whether sending now would only wait out the producer's timeout (2 minutes): the planner lost Kafka. A retry asked
     * for meanwhile is answered at once, its tasks owed.
     */
    boolean brokerLost(Instant now) {
        return hearing.lostKafka(now);
    }

    /** The broker did not take the ready tasks of this migration. */
    void owe(String migrationId) {
        owed.add(migrationId);
    }

    /**
     * A cancelled migration whose unsent tasks could not be skipped at once: a sending of tasks held the scheduler while
     * the broker was away. They are skipped with the next checks, once it lets go.
     */
    void skipLater(String migrationId) {
        owedSkips.add(migrationId);
    }

    /** Skips the unsent tasks of cancelled migrations that could not be skipped when they were cancelled. */
    public void skipOwed() {
        for (String migrationId : Set.copyOf(owedSkips)) {
            if (scheduler.skipUnsent(migrationId, SKIP_WAIT)) {
                owedSkips.remove(migrationId);
                LOG.infof("Migration %s: its unsent tasks skipped after all", migrationId);
            }
        }
    }

    /** Sends what is owed, once the planner hears Kafka again; a migration that ended meanwhile is owed nothing. */
    public void send(Instant now) {
        if (owed.isEmpty() || hearing.hearingSince(now).isEmpty()) {
            return;
        }
        for (String migrationId : Set.copyOf(owed)) {
            try {
                // Sends nothing for a migration no longer RUNNING (cancelled, paused, ended).
                int sent = store.find(migrationId).map(scheduler::dispatchReady).orElse(0);
                owed.remove(migrationId);
                if (sent > 0) {
                    LOG.infof("Migration %s: sent the %d tasks the broker had not taken", migrationId, sent);
                } else {
                    // A result read again as the consumer rejoined the broker sends the ready tasks too.
                    LOG.infof("Migration %s: nothing left to send; its tasks went meanwhile, or it ended", migrationId);
                }
            } catch (TaskDispatcher.UnavailableException e) {
                LOG.warnf("%s; trying again on the next check", e.getMessage());
                return;
            }
        }
    }
}
