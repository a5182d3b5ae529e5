package com.clearmlmigrator.contracts;

/**
 * What the operator does once the cause a failure's sentence names is fixed. Workers say which; the planner alone says
 * how (the REST call, the command), so no worker names an endpoint.
 */
public enum Remedy {
    /** Retry the migration: its failed and unstarted tasks run again, and what was done is not done twice. */
    RETRY
}
