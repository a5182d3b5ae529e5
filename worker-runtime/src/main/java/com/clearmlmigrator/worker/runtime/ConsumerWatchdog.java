package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;

/**
 * Exits the worker when the consumer of its task topic has failed and stayed failed for {@code
 * worker.dead-consumer-exit-after} (30 s). A failed consumer takes no task any more while the process looks alive, so
 * its tasks would wait for ever; a process that exits is started again by whatever supervises it ({@code
 * bin/dev-stack}, Docker's {@code restart:}, Kubernetes), and its unacknowledged tasks go to the consumers left.
 */
@ApplicationScoped
public class ConsumerWatchdog {
    /** The exit status of a worker whose task consumer died: not 0, so supervisors that restart on failure do. */
    public static final int DEAD_CONSUMER_EXIT = 3;

    private static final Logger LOG = Logger.getLogger(ConsumerWatchdog.class);

    private final HealthCenter health;
    private final String channel;
    private final DeadConsumer judge;

    public ConsumerWatchdog(
            HealthCenter health,
            WorkerIdentity identity,
            @ConfigProperty(name = "worker.dead-consumer-exit-after", defaultValue = "30s") Duration grace) {
        this.health = health;
        this.channel = identity.kind().taskTopic();
        this.judge = new DeadConsumer(grace);
    }

    @Scheduled(
            every = "5s",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        Optional<HealthReport.ChannelInfo> failed = health.getLiveness().getChannels().stream()
                .filter(info -> info.getChannel().equals(channel) && !info.isOk())
                .findFirst();
        switch (judge.seen(failed.isPresent(), Instant.now())) {
            case FAILED ->
                LOG.errorf(
                        "The consumer of %s failed: %s", channel, failed.get().getMessage());
            case EXIT -> {
                LOG.errorf(
                        "The consumer of %s has stayed failed for %d s; exiting with status %d so this worker is"
                                + " started again and its tasks go to a working consumer",
                        channel, judge.grace().toSeconds(), DEAD_CONSUMER_EXIT);
                Quarkus.asyncExit(DEAD_CONSUMER_EXIT);
            }
            default -> {}
        }
    }

    /** Decides, from a consumer's health seen over time, when the worker must go. */
    static final class DeadConsumer {
        enum Verdict {
            ALIVE,
            FAILED,
            STILL_FAILED,
            EXIT
        }

        private final Duration grace;
        private Instant failingSince;

        DeadConsumer(Duration grace) {
            this.grace = grace;
        }

        Duration grace() {
            return grace;
        }

        Verdict seen(boolean failed, Instant now) {
            if (!failed) {
                failingSince = null;
                return Verdict.ALIVE;
            }
            if (failingSince == null) {
                failingSince = now;
                return grace.isZero() ? Verdict.EXIT : Verdict.FAILED;
            }
            return Duration.between(failingSince, now).compareTo(grace) >= 0 ? Verdict.EXIT : Verdict.STILL_FAILED;
        }
    }
}
