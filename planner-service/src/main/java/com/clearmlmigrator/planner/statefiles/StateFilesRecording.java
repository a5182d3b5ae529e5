package com.clearmlmigrator.planner.statefiles;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationNotFoundException;
import com.clearmlmigrator.planner.migration.MigrationStore;

/** Takes what the command did to dataset state files beside a relink or its undo, and gives it back with the migration. */
@ApplicationScoped
public class StateFilesRecording {
    private final StateFilesOutcomes outcomes;
    private final MigrationStore migrations;

    public StateFilesRecording(StateFilesOutcomes outcomes, MigrationStore migrations) {
        this.outcomes = outcomes;
        this.migrations = migrations;
    }

    /**
     * @return what was done in each place so far
     * @throws MigrationNotFoundException when no migration has this id
     * @throws MigrationConflictException for a migration of a kind that changes no state file
     */
    public List<StateFilesOutcome> record(String migrationId, StateFilesOutcome outcome) {
        Migration migration = find(migrationId);
        if (migration.kind() != MigrationKind.RELINK && migration.kind() != MigrationKind.UNDO) {
            throw new MigrationConflictException("Migration " + migration.id() + " is of kind "
                    + migration.kind().wireName() + "; only a relink and its undo change dataset state files.");
        }
        outcomes.record(migration.id(), outcome.withFirstProblems());
        return outcomes.of(migrationId);
    }

    /** @throws MigrationNotFoundException when no migration has this id */
    public List<StateFilesOutcome> of(String migrationId) {
        return outcomes.of(find(migrationId).id());
    }

    private Migration find(String id) {
        return migrations.find(id).orElseThrow(() -> new MigrationNotFoundException(id));
    }
}
