package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A migration wants no more of the tasks sent for it: it was cancelled, or every task sent has answered and it ended
 * (or paused, waiting for the operator's retry). Kafka delivers a task again after a worker crash or a rebalance, also
 * once its migration is over; performed then, a copy slice would bring back events ClearML deleted since, a relink
 * would meet stores the operator has moved on from.
 *
 * @param migrationId the migration
 * @param at          when the planner recorded the status; tasks sent before then are not performed
 * @param status      {@link MigrationStatus#CANCELLED}, the final status it ended in, or {@link MigrationStatus#PAUSED};
 *                    null in announcements of planners that announced cancellations only, and read as a cancellation
 */
public record MigrationClosed(String migrationId, Instant at, MigrationStatus status) {
    public MigrationClosed {
        Objects.requireNonNull(migrationId, "migrationId");
        Objects.requireNonNull(at, "at");
    }

    public static MigrationClosed cancelled(String migrationId, Instant at) {
        return new MigrationClosed(migrationId, at, MigrationStatus.CANCELLED);
    }

    /** True when the migration was stopped on request, as opposed to having ended by itself. */
    public boolean cancelled() {
        return status == null || status == MigrationStatus.CANCELLED;
    }

    /**
     * True when this task must not be performed. A cancellation stops every task of the migration. An end or a pause
     * stops the tasks sent before it: a retry sends the tasks it runs again after it, and those go ahead. A task without a
     * sending time comes from a planner that did not stamp one, and was sent before any end it announces.
     */
    public boolean stops(MigrationTask task) {
        if (!task.id().migrationId().equals(migrationId)) {
            return false;
        }
        return cancelled() || task.sentAt() == null || task.sentAt().isBefore(at);
    }
}
