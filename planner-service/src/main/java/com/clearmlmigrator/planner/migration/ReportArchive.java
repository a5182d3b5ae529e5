package com.clearmlmigrator.planner.migration;

/** Keeps a copy of every finished migration's report outside the API, for the operator's records. */
public interface ReportArchive {
    /** Stores the report; a failure to store is logged, never a reason to fail the migration. */
    void store(Migration migration, Object report);
}
