package com.clearmlmigrator.planner.statefiles;

import java.time.Instant;
import java.util.List;

/** Where the planner keeps what was done to the dataset state files of each migration, by place. */
public interface StateFilesOutcomes {
    /** Keeps what was done in one place; told again for the same place (a command run again), the newer replaces it. */
    void record(String migrationId, StateFilesOutcome outcome);

    /**
     * Marks the relink's originals in one place as forgotten: told again, the first time is kept.
     *
     * @return false when nothing was told of that place
     */
    boolean forget(String migrationId, String place, Instant at);

    /** What was done in each place, in the order the places were first told. */
    List<StateFilesOutcome> of(String migrationId);
}
