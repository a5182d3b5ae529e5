package com.clearmlmigrator.planner.statefiles;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationKind;

/** Takes what the command did to dataset state files beside a relink or its undo, and gives it back with the migration. */
@ApplicationScoped
public class StateFilesRecording {
    private final StateFilesOutcomes outcomes;

    public StateFilesRecording(StateFilesOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** @throws MigrationConflictException for a migration of a kind that changes no state file */
    public void record(Migration migration, StateFilesOutcome outcome) {
        if (migration.kind() != MigrationKind.RELINK && migration.kind() != MigrationKind.UNDO) {
            throw new MigrationConflictException("Migration " + migration.id() + " is of kind "
                    + migration.kind().wireName() + "; only a relink and its undo change dataset state files.");
        }
        outcomes.record(migration.id(), outcome.withFirstProblems());
    }

    public List<StateFilesOutcome> of(String migrationId) {
        return outcomes.of(migrationId);
    }
}
