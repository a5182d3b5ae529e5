package com.clearmlmigrator.planner.lifecycle;

import java.time.Instant;

/** Tells every worker that a migration was cancelled, so that they skip its tasks that have not started. */
public interface CancellationNotice {
    /** Announces the cancellation; a failure to announce is logged, the cancellation stands. */
    void announce(String migrationId, Instant at);
}
