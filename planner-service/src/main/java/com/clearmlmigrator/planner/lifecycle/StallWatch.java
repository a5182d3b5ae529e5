package com.clearmlmigrator.planner.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.progress.LiveProgress;
import com.clearmlmigrator.planner.progress.PlannerHearing;
import com.clearmlmigrator.planner.progress.StallPolicy;
import com.clearmlmigrator.planner.progress.TaskUnderWay;

/**
 * Notices tasks whose worker went silent, so no migration stays {@code RUNNING} for ever without saying why. Workers
 * send heartbeats every few seconds naming the tasks they perform; a started task not named for {@code
 * planner.stall-timeout} (3 min) has stalled: its worker is frozen, cut off from Kafka, or gone. The planner then
 * shows it as stalled, sends it again (at most {@code planner.stall-resends} times: a live worker takes it up, and a
 * worker still holding it keeps it through its lease), and once it stays silent after that, fails it as {@link
 * FailureReason#TARGET_UNAVAILABLE} with a sentence that names the worker, so the migration ends and can be retried.
 *
 * <p>{@code check} runs every {@code planner.stall-check-interval} (5 s). Silence is only counted while the planner
 * hears Kafka itself ({@link PlannerHearing}): a broker restart must not fail the tasks it made look silent.
 *
 * <p>A task that was never heard from (waiting in Kafka behind other tasks) is not judged here: heartbeats do not name
 * tasks not yet started. After a planner restart a task is watched again from its next heartbeat.
 */
@ApplicationScoped
public class StallWatch {
    private static final Logger LOG = Logger.getLogger(StallWatch.class);

    private final LiveProgress live;
    private final MigrationStore store;
    private final TaskScheduler scheduler;
    private final ResultAggregator results;
    private final PlannerHearing hearing;
    private final StallPolicy policy;

    public StallWatch(
            LiveProgress live,
            MigrationStore store,
            TaskScheduler scheduler,
            ResultAggregator results,
            PlannerHearing hearing,
            StallPolicy policy) {
        this.live = live;
        this.store = store;
        this.scheduler = scheduler;
        this.results = results;
        this.hearing = hearing;
        this.policy = policy;
    }

    /**
     * Judges every task under way whose worker has been silent for the stall timeout while the planner heard Kafka.
     * While it does not, nothing is judged: the silence may be its own.
     */
    public void check(Instant now) {
        Optional<Instant> hearingSince = hearing.hearingSince(now);
        if (hearingSince.isEmpty()) {
            return;
        }
        for (TaskUnderWay task : live.underWay()) {
            if (!policy.hasStalled(task, hearingSince.get(), now)) {
                continue;
            }
            Optional<Migration> migration =
                    store.find(task.task().migrationId()).filter(m -> m.status() == MigrationStatus.RUNNING);
            if (migration.isEmpty()) {
                live.finished(task.task(), null);
            } else {
                judge(migration.get(), task, now);
            }
        }
    }

    private void judge(Migration migration, TaskUnderWay task, Instant now) {
        boolean answered =
                store.taskStates(migration.id()).stream().noneMatch(t -> t.id().equals(task.task()) && t.isPending());
        if (answered) {
            live.finished(task.task(), null); // its result came in meanwhile
            return;
        }
        TaskUnderWay stalled = task;
        if (task.stalledSince() == null) {
            stalled = task.stalled(now);
            LOG.warnf(
                    "Task %s has stalled: nothing heard from it for %d s; it last ran on %s",
                    task.task(), policy.timeout().toSeconds(), task.worker());
        }
        if (stalled.resent() < policy.resends() && scheduler.resend(migration, task.task())) {
            live.update(stalled.sentAgain(now));
            LOG.warnf("Task %s sent again (%d of %d)", task.task(), stalled.resent() + 1, policy.resends());
            return;
        }
        live.update(stalled);
        if (stalled.resent() > 0 && anotherWorkerWasBusy(migration, stalled, now)) {
            // The copy sent again waits in Kafka behind that worker's tasks, as a task never started would; it is
            // judged once no other worker of its kind has been at work for the stall timeout (seen in CI: a killed
            // worker's task failed while the surviving worker still had a queue of paced parts; and, judged the
            // moment that worker's heartbeat named no task, while it watched the dead worker's lease to take it over).
            return;
        }
        results.accept(TaskResult.failed(task.task(), FailureReason.TARGET_UNAVAILABLE, sentence(migration, stalled)));
    }

    /**
     * Whether a worker of the task's kind, other than the silent one, is heard from and performed or took up tasks
     * (watching their leases) within the stall timeout: one that has just finished its own may be about to take the
     * copy up.
     */
    private boolean anotherWorkerWasBusy(Migration migration, TaskUnderWay task, Instant now) {
        Optional<WorkerKind> kind = store.taskStates(migration.id()).stream()
                .filter(t -> t.id().equals(task.task()))
                .findFirst()
                .map(t -> t.type().worker());
        return kind.isPresent()
                && live.workers(now, policy.timeout()).stream()
                        .anyMatch(w -> w.kind() == kind.get()
                                && !w.worker().equals(task.worker())
                                && w.busyAt() != null
                                && w.busyAt().isAfter(now.minus(policy.timeout())));
    }

    private String sentence(Migration migration, TaskUnderWay task) {
        String target = store.taskStates(migration.id()).stream()
                .filter(t -> t.id().equals(task.task()))
                .findFirst()
                .map(t -> " ("
                        + t.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + t.target() + ")")
                .orElse("");
        String again = task.resent() > 0
                ? " It was sent again at " + task.resentAt().truncatedTo(ChronoUnit.SECONDS)
                        + " and no worker has reported on it since."
                : "";
        return "Task " + task.task() + target + " stalled: worker " + task.worker() + " last reported on it at "
                + task.lastHeardAt().truncatedTo(ChronoUnit.SECONDS) + " and has been silent for over "
                + policy.timeout().toSeconds() + " s." + again
                + " The worker may be frozen, cut off from Kafka or gone;"
                + " check it, then POST /migrations/" + migration.id() + "/retry.";
    }
}
