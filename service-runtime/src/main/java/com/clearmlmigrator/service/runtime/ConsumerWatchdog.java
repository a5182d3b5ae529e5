package com.clearmlmigrator.service.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;

/**
 * Exits the service when a consumer it lives by (a worker's task topic, the planner's results and heartbeats: {@code
 * consumer-watchdog.channels}) has failed and stayed failed for {@code consumer-watchdog.exit-after} (30 s). A failed
 * consumer takes nothing any more while the process looks alive, so migrations would wait for ever; a process that
 * exits is started again by whatever supervises it ({@code bin/dev-stack}, Docker's {@code restart:}, Kubernetes),
 * and its unacknowledged messages go to the consumers left, or to it once it is back.
 */
@ApplicationScoped
public class ConsumerWatchdog {
    /** The exit status of a service whose consumer died: not 0, so supervisors that restart on failure do. */
    public static final int DEAD_CONSUMER_EXIT = 3;

    private static final Logger LOG = Logger.getLogger(ConsumerWatchdog.class);

    private final HealthCenter health;
    private final Set<String> channels;
    private final DeadConsumer judge;

    public ConsumerWatchdog(
            HealthCenter health,
            @ConfigProperty(name = "consumer-watchdog.channels") List<String> channels,
            @ConfigProperty(name = "consumer-watchdog.exit-after", defaultValue = "30s") Duration grace) {
        this.health = health;
        this.channels = Set.copyOf(channels);
        this.judge = new DeadConsumer(grace);
    }

    @Scheduled(
            every = "5s",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        Optional<HealthReport.ChannelInfo> failed = health.getLiveness().getChannels().stream()
                .filter(info -> channels.contains(info.getChannel()) && !info.isOk())
                .findFirst();
        switch (judge.seen(failed.isPresent(), Instant.now())) {
            case FAILED ->
                LOG.errorf(
                        "The consumer of %s failed: %s",
                        failed.get().getChannel(), failed.get().getMessage());
            case EXIT -> {
                LOG.errorf(
                        "A consumer of %s has stayed failed for %d s; exiting with status %d so this service is"
                                + " started again and its messages go to a working consumer",
                        channels, judge.grace().toSeconds(), DEAD_CONSUMER_EXIT);
                Quarkus.asyncExit(DEAD_CONSUMER_EXIT);
            }
            default -> {}
        }
    }

    /** Decides, from a consumer's health seen over time, when the service must go. */
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
