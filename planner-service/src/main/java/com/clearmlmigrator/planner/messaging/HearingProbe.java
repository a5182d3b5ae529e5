package com.clearmlmigrator.planner.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.progress.PlannerHearing;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Sends the planner's probe to the heartbeats topic every {@code planner.probe-interval}; {@link HeartbeatConsumer}
 * reads it back with the workers' heartbeats, through the same consumer and the same thread, so a probe that comes back
 * proves the planner hears heartbeats now ({@link PlannerHearing}).
 */
@ApplicationScoped
public class HearingProbe {
    /** The outgoing channel to {@link Topics#HEARTBEATS}; an incoming channel already carries that topic's name. */
    static final String CHANNEL = "planner-probes";

    private final MutinyEmitter<String> probes;
    private final String plannerId = "planner-" + UUID.randomUUID().toString().substring(0, 8);

    public HearingProbe(@Channel(CHANNEL) MutinyEmitter<String> probes) {
        this.probes = probes;
    }

    /** Without waiting: probes sent while the broker is away arrive when it is back, and say so then. */
    @Scheduled(
            every = "${planner.probe-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void send() {
        probes.sendMessage(KafkaRecord.of(Topics.PLANNER_PROBE_KEY, plannerId))
                .subscribe()
                .with(sent -> {}, failure -> Log.debugf("Probe not sent: %s", failure));
    }
}
