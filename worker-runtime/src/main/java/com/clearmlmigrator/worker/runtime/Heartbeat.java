package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.WorkerHeartbeat;

import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code worker.progress-interval}, on a thread of its own (so a task busy in a long request still shows): renews
 * the leases of the tasks under way, stops those another worker has taken over, and tells the planner what runs here
 * and how far it has come, and which tasks it is taking up. Sent also when idle, so the planner knows the worker is
 * there.
 */
@ApplicationScoped
public class Heartbeat {
    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    private final RunningTasks running;
    private final TaskLeases leases;
    private final WorkerIdentity identity;
    private final HeartbeatSink sink;
    private final Duration leaseTime;

    public Heartbeat(
            RunningTasks running,
            TaskLeases leases,
            WorkerIdentity identity,
            HeartbeatSink sink,
            @ConfigProperty(name = "worker.lease-time", defaultValue = "20s") Duration leaseTime) {
        this.running = running;
        this.leases = leases;
        this.identity = identity;
        this.sink = sink;
        this.leaseTime = leaseTime;
    }

    @Scheduled(
            every = "${worker.progress-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void beat() {
        List<RunningTask> tasks = running.all();
        renew(tasks);
        Instant now = Instant.now();
        sink.publish(new WorkerHeartbeat(
                identity.id(),
                identity.kind(),
                now,
                tasks.stream()
                        .filter(t -> !t.isLost())
                        .map(t -> t.progress(now))
                        .toList(),
                running.claims()));
    }

    private void renew(List<RunningTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        try {
            Set<TaskId> lost = leases.renew(
                    tasks.stream().map(RunningTask::id).toList(),
                    identity.id(),
                    Instant.now().plus(leaseTime));
            for (RunningTask task : tasks) {
                if (lost.contains(task.id())) {
                    LOG.warnf(
                            "Task %s passed to another worker while this one was not heard from for longer than its"
                                    + " lease (%s s); stopping it here",
                            task.id(), leaseTime.toSeconds());
                    task.lose("Another worker took task " + task.id() + " over while this one was not heard from.");
                }
            }
        } catch (RuntimeException e) {
            // The migrator's database is away: the leases cannot be renewed now, and are not known to be lost.
            LOG.warnf("Could not renew the leases of %d running tasks: %s", tasks.size(), e.getMessage());
        }
    }
}
