package com.clearmlmigrator.planner.progress;

import com.clearmlmigrator.contracts.JobProgress;

/** Where progress snapshots go for anyone watching; losing one is harmless, the next one supersedes it. */
public interface ProgressSink {
    void publish(JobProgress progress);
}
