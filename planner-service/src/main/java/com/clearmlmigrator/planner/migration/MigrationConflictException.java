package com.clearmlmigrator.planner.migration;

/** A request that the migration's current state does not allow, such as undoing a relink that is still running. */
public class MigrationConflictException extends RuntimeException {
    public MigrationConflictException(String message) {
        super(message);
    }
}
