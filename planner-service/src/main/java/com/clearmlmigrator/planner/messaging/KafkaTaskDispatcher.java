package com.clearmlmigrator.planner.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.SecretSeal;
import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.migration.TaskDispatcher;
import com.clearmlmigrator.service.runtime.KafkaOutages;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Publishes each task to its worker kind's topic, keyed by task id so tasks spread over the partitions, stamped with the
 * time it was sent.
 */
@ApplicationScoped
public class KafkaTaskDispatcher implements TaskDispatcher {
    private final MutinyEmitter<MigrationTask> mongoTasks;
    private final MutinyEmitter<MigrationTask> elasticTasks;
    private final Optional<SecretSeal> seal;

    /** @param secretKey the key shared with the workers ({@code MIGRATOR_SECRET_KEY}) that task credentials are sealed with */
    public KafkaTaskDispatcher(
            @Channel(Topics.MONGO_TASKS) MutinyEmitter<MigrationTask> mongoTasks,
            @Channel(Topics.ELASTIC_TASKS) MutinyEmitter<MigrationTask> elasticTasks,
            @ConfigProperty(name = "migrator.secret-key") Optional<String> secretKey) {
        this.mongoTasks = mongoTasks;
        this.elasticTasks = elasticTasks;
        this.seal = secretKey.filter(key -> !key.isBlank()).map(SecretSeal::fromBase64);
    }

    @Override
    public boolean sealsSecrets() {
        return seal.isPresent();
    }

    /** Sends all tasks at once and waits until the broker acknowledged every one. */
    @Override
    public void dispatch(List<MigrationTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        List<Uni<Void>> sent = tasks.stream().map(this::send).toList();
        try {
            Uni.join().all(sent).andFailFast().await().indefinitely();
        } catch (RuntimeException e) {
            if (!KafkaOutages.isBrokerAway(e)) {
                throw e;
            }
            throw new UnavailableException(
                    "Kafka did not take " + tasks.size() + " tasks of migration "
                            + tasks.get(0).id().migrationId() + " (" + KafkaOutages.rootMessage(e) + ")",
                    e);
        }
    }

    private Uni<Void> send(MigrationTask task) {
        MutinyEmitter<MigrationTask> emitter = task.type().worker() == WorkerKind.MONGO ? mongoTasks : elasticTasks;
        // Stamped, so that a worker leaves alone a copy Kafka delivers again after the migration ended.
        MigrationTask stamped = task.asSentAt(Instant.now());
        // Credentials cross Kafka sealed; a task with credentials is never accepted without a key (see sealsSecrets).
        MigrationTask sent = seal.map(s -> s.seal(stamped)).orElse(stamped);
        return emitter.sendMessage(KafkaRecord.of(task.id().toString(), sent));
    }
}
