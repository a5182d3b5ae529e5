package com.clearmlmigrator.planner.migration;

/** The planner has as many migrations waiting to be planned as it takes; the request may be sent again later. */
public class PlannerBusyException extends RuntimeException {
    public PlannerBusyException(String message) {
        super(message);
    }
}
