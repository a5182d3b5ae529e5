package com.clearmlmigrator.planner.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the planner itself hears Kafka, learnt from its own probes coming back on the heartbeats topic. A worker's
 * silence only means something while the planner hears: during a broker restart, or while the planner's consumer
 * rejoins its group, every worker looks silent, and calling their tasks stalled would fail work that is going well
 * (seen in CI: a broker restart of 25 s on a busy machine failed a task of a relink that went on to finish).
 */
public class PlannerHearing {
    private final Duration gap;
    private final Instant startedAt;
    private Instant lastProbe;
    private Instant hearingSince;
    private boolean resultsHeldUp;

    /**
     * @param gap       how long without a probe coming back before the planner counts itself deaf; well below the
     *                  stall timeout, so deafness is noticed before a silence it caused can be judged
     * @param startedAt when the planner started: until its first probe comes back, it is not called deaf for longer
     *                  than it has been up
     */
    public PlannerHearing(Duration gap, Instant startedAt) {
        this.gap = gap;
        this.startedAt = startedAt;
    }

    /** One of the planner's probes came back through Kafka. */
    public synchronized void probeCameBack(Instant now) {
        if (lastProbe == null || Duration.between(lastProbe, now).compareTo(gap) > 0) {
            hearingSince = now;
        }
        lastProbe = now;
    }

    /**
     * The planner cannot take in the results waiting for it (its store away): a worker's tasks that ended meanwhile
     * are named in no heartbeat, and their results wait behind, so silence means nothing until they flow again.
     */
    public synchronized void resultsHeldUp() {
        resultsHeldUp = true;
    }

    /** Results are taken in again: silence counts from now, as after a broker's return. */
    public synchronized void resultsFlow(Instant now) {
        if (resultsHeldUp) {
            resultsHeldUp = false;
            hearingSince = hearingSince == null || hearingSince.isBefore(now) ? now : hearingSince;
        }
    }

    /**
     * Since when the planner has heard Kafka without a break, and taken in the results it heard; empty while it does
     * not now. A silence that began before this moment is only counted from it.
     */
    public synchronized Optional<Instant> hearingSince(Instant now) {
        return lastProbe != null && Duration.between(lastProbe, now).compareTo(gap) <= 0 && !resultsHeldUp
                ? Optional.of(hearingSince)
                : Optional.empty();
    }

    /**
     * The planner heard Kafka once and has not for longer than the gap: the broker is away, or the planner cut off from
     * it. Not before its first probe came back, when a consumer still joining its group is the likelier cause.
     */
    public synchronized boolean lostKafka(Instant now) {
        return lastProbe != null && Duration.between(lastProbe, now).compareTo(gap) > 0;
    }

    /** How long the planner has not heard Kafka; empty while it hears it, or while it has just started. */
    public synchronized Optional<Duration> deafFor(Instant now) {
        Instant heard = lastProbe != null ? lastProbe : startedAt;
        Duration deaf = Duration.between(heard, now);
        return deaf.compareTo(gap) > 0 ? Optional.of(deaf) : Optional.empty();
    }
}
