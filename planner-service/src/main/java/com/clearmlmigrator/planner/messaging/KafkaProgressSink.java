package com.clearmlmigrator.planner.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.clearmlmigrator.contracts.JobProgress;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.progress.ProgressSink;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes progress snapshots keyed by migration id, without waiting: the next snapshot supersedes a lost one. */
@ApplicationScoped
public class KafkaProgressSink implements ProgressSink {
    private final MutinyEmitter<JobProgress> progress;

    public KafkaProgressSink(@Channel(Topics.PROGRESS) MutinyEmitter<JobProgress> progress) {
        this.progress = progress;
    }

    @Override
    public void publish(JobProgress snapshot) {
        var key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(snapshot.jobId())
                .build();
        progress.sendMessage(Message.of(snapshot).addMetadata(key))
                .subscribe()
                .with(done -> {}, failure -> Log.warnf("Progress of %s not published: %s", snapshot.jobId(), failure));
    }
}
