package com.clearmlmigrator.worker.runtime.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.Topics;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/**
 * A worker as deployed, but its Kafka channels in memory: a test sends task messages and reads results, dead letters
 * and heartbeats without a broker. Cancellations and ends come from {@link ClosedMigrations} instead of the Kafka feed, and
 * the migrator's MongoDB (leases, journal) is the wire server of {@link MongoWireServer}.
 */
public abstract class InMemoryWorkerChannels implements QuarkusTestProfile {
    /** The worker's task topic, {@link Topics#MONGO_TASKS} or {@link Topics#ELASTIC_TASKS}. */
    protected abstract String taskTopic();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory(taskTopic()));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory(
                Topics.TASK_RESULTS, Topics.DEAD_LETTERS, Topics.HEARTBEATS));
        config.put("quarkus.arc.exclude-types", "com.clearmlmigrator.worker.runtime.KafkaMigrationStatuses");
        config.put("worker.retry.attempts", "2");
        config.put("worker.retry.initial-backoff", "100ms");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MongoWireServer.class));
    }
}
