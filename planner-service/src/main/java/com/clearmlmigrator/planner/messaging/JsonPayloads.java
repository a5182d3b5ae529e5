package com.clearmlmigrator.planner.messaging;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** Reads a consumed message; an unreadable one is logged and skipped, never a reason to stop a consumer. */
final class JsonPayloads {
    private JsonPayloads() {}

    /** @param what what the message should be, for the log line, for example "task result" */
    static <T> Optional<T> read(ObjectMapper json, String payload, Class<T> type, String what) {
        try {
            return Optional.of(json.readValue(payload, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.errorf("Skipped an unreadable %s: %s", what, e.getMessage());
            return Optional.empty();
        }
    }
}
