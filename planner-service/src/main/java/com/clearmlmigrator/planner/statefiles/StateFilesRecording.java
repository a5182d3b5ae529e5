package com.clearmlmigrator.planner.statefiles;

import java.time.Instant;
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

    /**
     * Marks the originals a relink kept in one place for its undo as removed by {@code forget}, so that its view, its
     * report and the dashboard no longer offer an undo of that place.
     *
     * @param at when the command forgot them (the time it wrote in the place)
     * @return what was done in each place, with the mark
     * @throws MigrationNotFoundException        when no migration has this id
     * @throws MigrationConflictException        for a migration other than a relink, or a relink not ended yet
     * @throws StateFilesPlaceNotFoundException when the relink told nothing of that place
     */
    public List<StateFilesOutcome> forget(String migrationId, String place, Instant at) {
        Migration migration = find(migrationId);
        if (migration.kind() != MigrationKind.RELINK) {
            throw new MigrationConflictException("Migration " + migration.id() + " is of kind "
                    + migration.kind().wireName() + "; only a relink keeps originals of state files for its undo.");
        }
        if (!migration.status().isFinal()) {
            throw new MigrationConflictException("Relink " + migration.id() + " is " + migration.status()
                    + "; its originals can be forgotten once it has ended.");
        }
        if (!outcomes.forget(migration.id(), place, at)) {
            throw new StateFilesPlaceNotFoundException(migration.id(), place);
        }
        return outcomes.of(migration.id());
    }

    /** @throws MigrationNotFoundException when no migration has this id */
    public List<StateFilesOutcome> of(String migrationId) {
        return outcomes.of(find(migrationId).id());
    }

    private Migration find(String id) {
        return migrations.find(id).orElseThrow(() -> new MigrationNotFoundException(id));
    }
}
