package com.clearmlmigrator.localservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StackPortsTest {
    @Test
    void usesTheDocumentedDefaultPorts() {
        StackPorts ports = StackPorts.fromEnvironment(Map.of());

        assertEquals("127.0.0.1:9092", ports.kafkaBootstrap());
        assertEquals("mongodb://127.0.0.1:27017", ports.mongoUri());
        assertEquals("http://127.0.0.1:9200", ports.elastic7Url());
        assertEquals("http://127.0.0.1:9205", ports.elastic5Url());
        assertEquals("http://127.0.0.1:8080", ports.plannerUrl());
    }

    @Test
    void environmentOverridesAPort() {
        assertEquals(
                19200, StackPorts.fromEnvironment(Map.of("ES7_PORT", "19200")).elastic7());
    }

    @Test
    void rejectsAPortThatIsNotANumberWithItsName() {
        var error = assertThrows(
                IllegalArgumentException.class, () -> StackPorts.fromEnvironment(Map.of("MONGO_PORT", "abc")));

        assertTrue(error.getMessage().contains("MONGO_PORT"));
    }

    @Test
    void freePortsAreDistinctAndBelowTheEphemeralRange() {
        StackPorts free = StackPorts.free();
        int[] ports = {
            free.kafka(), free.kafkaController(), free.mongo(), free.elastic7(), free.elastic7Transport(),
            free.elastic5(), free.elastic5Transport(), free.planner(), free.mongoWorker(), free.elasticWorker()
        };

        assertEquals(ports.length, java.util.Arrays.stream(ports).distinct().count());
        assertTrue(java.util.Arrays.stream(ports).allMatch(p -> p >= 20_000 && p < 32_000));
    }
}
