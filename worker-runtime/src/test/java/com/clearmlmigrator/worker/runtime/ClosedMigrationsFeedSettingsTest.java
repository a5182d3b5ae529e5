package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ClosedMigrationsFeedSettingsTest {

    @Test
    void theWorkersKafkaSecuritySettingsReachTheFeedsConsumer() {
        // A broker that asks for SASL or TLS is reached with the worker's kafka.* settings, as its channels are: a
        // protocol no client knows shows they are the ones the feed's consumer is built with.
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "127.0.0.1:9092",
                "security.protocol", "NO_SUCH_PROTOCOL",
                "group.id", "mongo-worker");

        assertThatThrownBy(() -> new ClosedMigrationsFeed(kafka, "closed", Duration.ofSeconds(1), new ObjectMapper()))
                .isInstanceOf(KafkaException.class)
                .hasStackTraceContaining("NO_SUCH_PROTOCOL");
    }
}
