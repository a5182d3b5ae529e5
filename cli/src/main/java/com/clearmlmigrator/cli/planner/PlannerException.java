package com.clearmlmigrator.cli.planner;

import java.time.Duration;

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

    /**
     * The planner took the request and did not answer in time. Said apart from {@link #unreachable}: the planner runs,
     * and may still carry the request out, so asking again blindly could ask twice.
     */
    public static PlannerException tooSlow(String planner, String request, Duration waited, Throwable cause) {
        return new PlannerException(
                "The planner at " + planner + " took more than " + waited.toSeconds() + " s to answer " + request
                        + ", and may still carry it out. See where the migration stands with `clearml-migrator"
                        + " list` before asking again.",
                ExitCode.PLANNER_UNREACHABLE,
                cause);
    }
}
