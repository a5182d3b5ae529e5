package com.clearmlmigrator.planner.progress;

import com.clearmlmigrator.contracts.MigrationProgress;

/** Where progress snapshots go for anyone watching; losing one is harmless, the next one supersedes it. */
public interface ProgressSink {
    void publish(MigrationProgress progress);
}
