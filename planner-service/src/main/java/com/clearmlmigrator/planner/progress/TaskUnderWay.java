package com.clearmlmigrator.planner.progress;

import java.time.Instant;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;

/**
 * A task a worker has started and not yet answered, as the planner knows it from heartbeats.
 *
 * @param progress     how far it has come, as its worker last said
 * @param worker       the worker last heard performing it
 * @param lastHeardAt  when a heartbeat last named it, by the planner's clock
 * @param stalledSince when the planner found it silent for longer than {@code planner.stall-timeout}; null while heard
 * @param resent       how often the planner has sent it again because it stalled
 * @param resentAt     when it was last sent again; null when never
 */
public record TaskUnderWay(
        TaskProgress progress, String worker, Instant lastHeardAt, Instant stalledSince, int resent, Instant resentAt) {

    static TaskUnderWay heard(TaskProgress progress, String worker, Instant now) {
        return new TaskUnderWay(progress, worker, now, null, 0, null);
    }

    public TaskId task() {
        return progress.taskId();
    }

    /** This task heard from again: newer counts and worker, no stall; how often it was sent again is kept. */
    TaskUnderWay heardAgain(TaskUnderWay news) {
        return new TaskUnderWay(news.progress, news.worker, news.lastHeardAt, null, resent, resentAt);
    }

    /** When it was last heard from or, if later, sent again. */
    public Instant silentSince() {
        return resentAt != null && resentAt.isAfter(lastHeardAt) ? resentAt : lastHeardAt;
    }

    /** The same task, seen stalled at this moment. */
    public TaskUnderWay stalled(Instant at) {
        return new TaskUnderWay(progress, worker, lastHeardAt, at, resent, resentAt);
    }

    /** The same task, sent again at this moment. */
    public TaskUnderWay sentAgain(Instant at) {
        return new TaskUnderWay(progress, worker, lastHeardAt, stalledSince, resent + 1, at);
    }
}
