package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.clearmlmigrator.contracts.StoreWait;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;

/** One task this worker performs now: its counts, written by the task's threads and read by the heartbeat. */
final class RunningTask implements ProgressBeacon.Counter {
    private final TaskId id;
    private final Instant startedAt;
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong changed = new AtomicLong();
    private volatile StoreWait waiting;
    private volatile Instant heardFrom;
    private volatile String lostBecause;
    private volatile boolean cancelled;

    RunningTask(TaskId id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
        this.heardFrom = startedAt;
    }

    TaskId id() {
        return id;
    }

    @Override
    public void add(long finished) {
        documents.addAndGet(finished);
        answered();
        throwIfStopped();
    }

    @Override
    public void addChanged(long rewritten) {
        changed.addAndGet(rewritten);
        answered();
        throwIfStopped();
    }

    /**
     * An attempt found the task's store away, and another follows after a pause: the heartbeats say so until the store
     * answers, with when the wait began: when the store last answered the task (or the task started). A store that
     * takes requests and never answers fails an attempt only after the whole answer timeout, and the notice said "for
     * 1 s" of one that had not answered for two minutes.
     */
    void waitingFor(String cause, int attempts, int of) {
        StoreWait was = waiting;
        waiting = new StoreWait(cause, was != null ? was.since() : heardFrom, attempts, of);
    }

    /**
     * Another attempt starts the task over, from its first document: its documents count from zero again, or a copy
     * slice retried after an outage showed 55,490 of 50,350 documents. What it changed stays counted: an attempt
     * finds those values rewritten already and changes only the others.
     */
    void startOver() {
        documents.set(0);
    }

    /** The store answered: a count went up, or a read that counts nothing (a relink's verification) came back. */
    @Override
    public void answered() {
        heardFrom = Instant.now();
        if (waiting != null) {
            waiting = null;
        }
    }

    /** How long the store has left this task without an answer: since it last answered, or since the task started. */
    Duration unansweredFor() {
        return Duration.between(heardFrom, Instant.now());
    }

    /** Marks the task lost: its next count throws. */
    void lose(String because) {
        lostBecause = because;
    }

    boolean isLost() {
        return lostBecause != null;
    }

    /**
     * Marks the task's migration cancelled: its next count throws.
     *
     * @return false when it was marked so already
     */
    boolean cancel() {
        boolean first = !cancelled;
        cancelled = true;
        return first;
    }

    /**
     * Throws when the task was lost or its migration cancelled: at every count, and before each new attempt of a task
     * whose store was away.
     */
    void throwIfStopped() {
        String because = lostBecause;
        if (because != null) {
            throw new TaskLostException(because);
        }
        if (cancelled) {
            throw new TaskCancelledException("its migration was cancelled");
        }
    }

    /** When this handling of the task started, by this worker's clock, as its heartbeats and its result say. */
    Instant startedAt() {
        return startedAt;
    }

    TaskProgress progress(Instant at) {
        return new TaskProgress(id, documents.get(), changed.get(), startedAt, at, waiting, heardFrom);
    }
}
