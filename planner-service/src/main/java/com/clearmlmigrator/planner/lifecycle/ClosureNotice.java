package com.clearmlmigrator.planner.lifecycle;

import com.clearmlmigrator.contracts.MigrationClosed;

/**
 * Tells every worker that a migration wants no more of the tasks sent for it: cancelled, they skip its tasks that have
 * not started; ended or paused, they leave alone a task sent before that Kafka delivers again.
 */
public interface ClosureNotice {
    /** Announces it; a failure to announce is logged, the cancellation, end or pause stands. */
    void announce(MigrationClosed closed);
}
