package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.Topics;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes a running task's progress on {@link Topics#TASK_PROGRESS} at most every {@code worker.progress-interval},
 * without waiting for the broker: a lost message only makes progress coarser, while waiting would slow the copy.
 */
@ApplicationScoped
public class KafkaProgressBeacon implements ProgressBeacon {
    private static final Logger LOG = Logger.getLogger(KafkaProgressBeacon.class);

    private final MutinyEmitter<TaskProgress> emitter;
    private final long intervalNanos;

    public KafkaProgressBeacon(
            @Channel(Topics.TASK_PROGRESS) MutinyEmitter<TaskProgress> emitter,
            @ConfigProperty(name = "worker.progress-interval", defaultValue = "2s") Duration interval) {
        this.emitter = emitter;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public Counter start(TaskId task) {
        return new Throttled(task, Instant.now(), System.nanoTime());
    }

    private void publish(TaskProgress progress) {
        var key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(progress.taskId().jobId())
                .build();
        emitter.sendMessage(Message.of(progress).addMetadata(key))
                .subscribe()
                .with(sent -> {}, failure -> LOG.debugf("Progress of %s not sent: %s", progress.taskId(), failure));
    }

    private final class Throttled implements Counter {
        private final TaskId task;
        private final Instant startedAt;
        private long lastSentNanos;
        private long documents;

        Throttled(TaskId task, Instant startedAt, long startedNanos) {
            this.task = task;
            this.startedAt = startedAt;
            this.lastSentNanos = startedNanos;
        }

        @Override
        public void add(long finished) {
            documents += finished;
            long now = System.nanoTime();
            if (now - lastSentNanos >= intervalNanos) {
                lastSentNanos = now;
                publish(new TaskProgress(task, documents, startedAt, Instant.now()));
            }
        }
    }
}
