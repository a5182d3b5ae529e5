package com.clearmlmigrator.contracts;

/**
 * The closed taxonomy of task failures. Expected failures travel back to the planner as results; only bugs also go to
 * the dead-letter topic.
 */
public enum FailureReason {
    /** The task or the data it met is not what it should be; retrying the same task will fail again. */
    BAD_INPUT,
    /** The target store refused the work (for example a mapping conflict or a unique-index collision). */
    TARGET_REJECTED,
    /** The target store could not be reached or answered with a temporary error after bounded retries. */
    TARGET_UNAVAILABLE,
    /**
     * The target has a write block or is out of disk (for example Elasticsearch's flood-stage block). The migration
     * pauses; once the block is lifted, {@code POST /migrations/{id}/retry} goes on where it stopped.
     */
    TARGET_BLOCKED,
    /** Not run, because a task it depends on failed; a retry runs it once that task succeeds. */
    PREREQUISITE_FAILED,
    /** Anything unexpected: a defect in this tool. */
    BUG
}
