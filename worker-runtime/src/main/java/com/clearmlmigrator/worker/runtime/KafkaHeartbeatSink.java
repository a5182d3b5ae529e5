package com.clearmlmigrator.worker.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.contracts.WorkerHeartbeat;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/** Publishes heartbeats on {@link Topics#HEARTBEATS}, keyed by worker, without waiting for the broker. */
@ApplicationScoped
public class KafkaHeartbeatSink implements HeartbeatSink {
    private static final Logger LOG = Logger.getLogger(KafkaHeartbeatSink.class);

    private final MutinyEmitter<WorkerHeartbeat> emitter;

    public KafkaHeartbeatSink(@Channel(Topics.HEARTBEATS) MutinyEmitter<WorkerHeartbeat> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void publish(WorkerHeartbeat heartbeat) {
        emitter.sendMessage(KafkaRecord.of(heartbeat.worker(), heartbeat))
                .subscribe()
                .with(sent -> {}, failure -> LOG.debugf("Heartbeat not sent: %s", failure));
    }
}
