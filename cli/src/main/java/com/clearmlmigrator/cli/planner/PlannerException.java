package com.clearmlmigrator.cli.planner;

import com.clearmlmigrator.cli.ExitCode;

/** The planner refused a request or could not be reached; the message is the sentence to show. */
public class PlannerException extends RuntimeException {
    private final int exitCode;

    public PlannerException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public PlannerException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The planner did not answer at all. */
    public static PlannerException unreachable(String planner, Throwable cause) {
        return new PlannerException(
                "The planner at " + planner + " does not answer ("
                        + cause.getClass().getSimpleName() + "). Is it running?"
                        + " Give its address with --planner or CLEARML_MIGRATOR_URL, or add --local to run the migrator"
                        + " on this host for this command.",
                ExitCode.PLANNER_UNREACHABLE,
                cause);
    }
}
