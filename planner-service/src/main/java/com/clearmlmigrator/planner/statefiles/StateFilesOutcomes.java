package com.clearmlmigrator.planner.statefiles;

import java.util.List;

/** Where the planner keeps what was done to the dataset state files of each migration, by place. */
public interface StateFilesOutcomes {
    /** Keeps what was done in one place; told again for the same place (a command run again), the newer replaces it. */
    void record(String migrationId, StateFilesOutcome outcome);

    /** What was done in each place, in the order the places were first told. */
    List<StateFilesOutcome> of(String migrationId);
}
