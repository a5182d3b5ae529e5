package com.clearmlmigrator.planner.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.clearmlmigrator.contracts.MigrationProgress;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.progress.ProgressSink;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/** Publishes progress snapshots keyed by migration id, without waiting: the next snapshot supersedes a lost one. */
@ApplicationScoped
public class KafkaProgressSink implements ProgressSink {
    private final MutinyEmitter<MigrationProgress> progress;

    public KafkaProgressSink(@Channel(Topics.PROGRESS) MutinyEmitter<MigrationProgress> progress) {
        this.progress = progress;
    }

    @Override
    public void publish(MigrationProgress snapshot) {
        progress.sendMessage(KafkaRecord.of(snapshot.migrationId(), snapshot))
                .subscribe()
                .with(
                        done -> {},
                        failure -> Log.warnf("Progress of %s not published: %s", snapshot.migrationId(), failure));
    }
}
