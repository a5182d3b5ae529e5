package com.clearmlmigrator.contracts;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Deterministic id of a task: the migration's id and the task's position in the migration's plan, printed {@code
 * <migrationId>-0007}. Planning a migration twice yields the same ids, so the planner can recognise redelivered or
 * duplicate results.
 *
 * @param migrationId id of the migration the task belongs to
 * @param ordinal     zero-based position of the task in the plan
 */
public record TaskId(String migrationId, int ordinal) {
    private static final char SEPARATOR = '-';

    public TaskId {
        Objects.requireNonNull(migrationId, "migrationId");
        if (migrationId.isBlank()) {
            throw new IllegalArgumentException("migrationId must not be blank");
        }
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must not be negative: " + ordinal);
        }
    }

    /** Parses the printed form; the ordinal follows the last separator, so migration ids may contain separators. */
    @JsonCreator
    public static TaskId parse(String text) {
        int cut = text.lastIndexOf(SEPARATOR);
        if (cut <= 0 || cut == text.length() - 1) {
            throw new IllegalArgumentException("not a task id: " + text);
        }
        return new TaskId(text.substring(0, cut), Integer.parseInt(text.substring(cut + 1)));
    }

    @JsonValue
    @Override
    public String toString() {
        return migrationId + SEPARATOR + String.format("%04d", ordinal);
    }
}
