package com.clearmlmigrator.planner.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;

import com.clearmlmigrator.contracts.Topics;
import com.clearmlmigrator.planner.config.PlannerConfig;
import com.clearmlmigrator.planner.lifecycle.MigrationResumption;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Creates the topics with enough partitions for workers to share the load, or adds partitions to a topic that a
 * worker's first poll auto-created with the broker default. Runs once at start-up; safe to run on every start.
 */
@ApplicationScoped
public class TopicProvisioner {
    private final Map<String, Object> kafka;
    private final PlannerConfig config;
    private final MigrationResumption resumption;

    /**
     * @param kafka every {@code kafka.*} setting of the planner (bootstrap servers, and security such as {@code
     *              security.protocol}, {@code sasl.*}, {@code ssl.*}), as its channels get them
     */
    public TopicProvisioner(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            PlannerConfig config,
            MigrationResumption resumption) {
        this.kafka = kafka;
        this.config = config;
        this.resumption = resumption;
    }

    void provision(@Observes StartupEvent startup) {
        Map<String, Integer> wanted = Map.of(
                Topics.MONGO_TASKS, config.taskPartitions(),
                Topics.ELASTIC_TASKS, config.taskPartitions(),
                Topics.TASK_RESULTS, 3,
                Topics.HEARTBEATS, 3,
                Topics.PROGRESS, 3,
                Topics.DEAD_LETTERS, 1);
        try (Admin admin = Admin.create(kafka)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>(wanted.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList());
            if (!existing.contains(Topics.CLOSED_MIGRATIONS)) {
                // Workers read it whole at every start: compacted, it holds one record per closed migration.
                missing.add(new NewTopic(Topics.CLOSED_MIGRATIONS, 1, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            growPartitions(admin, wanted, existing);
        } catch (ExecutionException | TimeoutException e) {
            Log.warnf("Could not provision Kafka topics (%s); relying on broker auto-creation", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Once the topics exist, migrations a previous run left active go on.
        resumption.resumeAll();
    }

    private static void growPartitions(Admin admin, Map<String, Integer> wanted, Set<String> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> present =
                wanted.keySet().stream().filter(existing::contains).collect(Collectors.toSet());
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described =
                admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = described.values().stream()
                .filter(d -> d.partitions().size() < wanted.get(d.name()))
                .collect(Collectors.toMap(TopicDescription::name, d -> NewPartitions.increaseTo(wanted.get(d.name()))));
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            Log.infof("Added partitions to %s", grow.keySet());
        }
    }
}
