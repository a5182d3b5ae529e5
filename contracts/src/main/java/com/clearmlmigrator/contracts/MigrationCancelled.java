package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A migration was cancelled: its tasks that have not started are skipped and answered {@link TaskOutcome#SKIPPED}.
 *
 * @param migrationId the cancelled migration
 * @param at          when the planner recorded the cancellation
 */
public record MigrationCancelled(String migrationId, Instant at) {
    public MigrationCancelled {
        Objects.requireNonNull(migrationId, "migrationId");
    }
}
