package com.clearmlmigrator.worker.runtime;

import java.time.Duration;

import com.clearmlmigrator.contracts.MigrationTask;

/**
 * Asks the stores a task names for an answer that costs them nothing ({@code ping}, {@code GET /}). A store that left
 * one of the task's requests unanswered for its whole answer timeout and answers this at once is alive though slow (a
 * long merge, a collection under load), and the task is tried again; one that does not answer this either is frozen or
 * cut off, and waiting for it again would only cost another answer timeout. Each worker provides one implementation.
 */
public interface StorePing {
    /** Whether every store the task reads or writes answers within {@code within}; never throws. */
    boolean answers(MigrationTask task, Duration within);
}
