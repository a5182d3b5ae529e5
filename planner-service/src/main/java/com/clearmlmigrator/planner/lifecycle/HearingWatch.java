package com.clearmlmigrator.planner.lifecycle;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.planner.progress.PlannerHearing;

/**
 * Says in the planner's log when it loses Kafka and when it hears it again. While it is lost nothing moves (results and
 * heartbeats wait in the broker, tasks to send are owed, no task is called stalled); the Kafka client's own warnings
 * about a node it cannot reach do not say what that means for the migrations.
 */
@ApplicationScoped
public class HearingWatch {
    private static final Logger LOG = Logger.getLogger(HearingWatch.class);

    private final PlannerHearing hearing;
    private Instant lostAt;

    public HearingWatch(PlannerHearing hearing) {
        this.hearing = hearing;
    }

    /** Run one at a time, with the stall check. */
    public void check(Instant now) {
        boolean lost = hearing.lostKafka(now);
        if (lost && lostAt == null) {
            lostAt = now;
            LOG.warnf(
                    "The planner has lost Kafka: its probes have not come back for %d s. Results, heartbeats and tasks"
                            + " to send wait for the broker, and no task is called stalled meanwhile",
                    hearing.deafFor(now).map(Duration::toSeconds).orElse(0L));
        } else if (!lost && lostAt != null) {
            LOG.infof(
                    "The planner hears Kafka again, %d s after it noticed the loss",
                    Duration.between(lostAt, now).toSeconds());
            lostAt = null;
        }
    }
}
