package com.clearmlmigrator.planner.migration;

/** No migration has the requested id. */
public class MigrationNotFoundException extends RuntimeException {
    public MigrationNotFoundException(String id) {
        super("No migration has the id '" + id + "'. GET /migrations lists them.");
    }
}
