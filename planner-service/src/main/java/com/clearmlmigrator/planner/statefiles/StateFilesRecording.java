package com.clearmlmigrator.planner.statefiles;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationNotFoundException;
import com.clearmlmigrator.planner.migration.MigrationStore;

/**
 * Takes what the command did to dataset state files beside a relink, its undo or an inspection, and gives it back with
 * the migration.
 */
@ApplicationScoped
public class StateFilesRecording {
    private static final Set<MigrationKind> REACHING_STATE_FILES =
            EnumSet.of(MigrationKind.RELINK, MigrationKind.UNDO, MigrationKind.INSPECT);

    private final StateFilesOutcomes outcomes;
    private final MigrationStore migrations;

    public StateFilesRecording(StateFilesOutcomes outcomes, MigrationStore migrations) {
        this.outcomes = outcomes;
        this.migrations = migrations;
    }

    /**
     * @return what was done in each place so far
     * @throws MigrationNotFoundException when no migration has this id
     * @throws MigrationConflictException for a migration of a kind that does not reach state files (an es-copy)
     */
    public List<StateFilesOutcome> record(String migrationId, StateFilesOutcome outcome) {
        Migration migration = find(migrationId);
        if (!REACHING_STATE_FILES.contains(migration.kind())) {
            throw new MigrationConflictException("Migration " + migration.id() + " is of kind "
                    + migration.kind().wireName() + "; only a relink, its undo and an inspection reach dataset state"
                    + " files.");
        }
        outcomes.record(migration.id(), outcome.bounded());
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
