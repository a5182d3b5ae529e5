package com.clearmlmigrator.planner.statefiles;

/** A migration was told nothing of the state files of a place. */
public class StateFilesPlaceNotFoundException extends RuntimeException {
    public StateFilesPlaceNotFoundException(String migrationId, String place) {
        super("Migration " + migrationId + " was told nothing of state files under '" + place + "'. GET /migrations/"
                + migrationId + "/state-files lists the places it was told of.");
    }
}
