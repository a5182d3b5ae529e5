package com.clearmlmigrator.worker.runtime;

import java.util.function.Supplier;

import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskReport;

/**
 * What a task that writes in place did before it ended early, carried by what ended it. A relink or undo part that a
 * cancel stopped or a failure ended has rewritten documents, which the migration's report must count (its undo
 * restores them); a copy slice that failed is copied again whole by a retry, so it keeps to {@link
 * TaskCancelledException#reportingSoFar}.
 */
public final class PartWay {
    private PartWay() {}

    /**
     * Performs {@code work}; when a cancel stops it or a failure ends it, that cancellation or failure carries {@code
     * soFar}'s report of what was done until then.
     */
    public static <R> R reporting(Supplier<R> work, Supplier<? extends TaskReport> soFar) {
        try {
            return TaskCancelledException.reportingSoFar(work, soFar);
        } catch (TaskFailedException e) {
            throw e.withSoFar(soFar.get());
        }
    }
}
