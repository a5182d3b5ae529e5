package com.clearmlmigrator.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the command's exit status says, for scripts and maintenance-window runbooks. A migration that ran gives the code
 * of the status it ended in; a command that never reached a migration gives the code of why.
 */
public final class ExitCode {
    public static final int SUCCEEDED = 0;
    public static final int COMPLETED_WITH_ERRORS = 1;
    /** A usage error, or input the planner refused (400, 404, 409...): the message says what to change. */
    public static final int BAD_INPUT = 2;

    public static final int FAILED = 3;
    public static final int CANCELLED = 4;
    /** The migration waits for the operator (a write block, a full disk): fix it, then {@code retry}. */
    public static final int PAUSED = 5;
    /** The planner did not answer, or answered that it cannot now (5xx). */
    public static final int PLANNER_UNREACHABLE = 6;

    private static final Map<String, Integer> BY_STATUS = Map.of(
            "SUCCEEDED", SUCCEEDED,
            "COMPLETED_WITH_ERRORS", COMPLETED_WITH_ERRORS,
            "FAILED", FAILED,
            "CANCELLED", CANCELLED,
            "PAUSED", PAUSED);

    /** The lines of {@code --help} that list the codes, by code. */
    public static final Map<String, String> HELP = help();

    private ExitCode() {}

    private static Map<String, String> help() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put(" " + SUCCEEDED, "SUCCEEDED (or, for `status`, a migration still under way)");
        help.put(
                " " + COMPLETED_WITH_ERRORS,
                "COMPLETED_WITH_ERRORS: `report` names the failures, `retry` sends them again");
        help.put(" " + BAD_INPUT, "bad input or usage: the message says what to change");
        help.put(" " + FAILED, "FAILED: the migration could not run");
        help.put(" " + CANCELLED, "CANCELLED");
        help.put(" " + PAUSED, "PAUSED: lift the write block or free the disk, then `retry`");
        help.put(" " + PLANNER_UNREACHABLE, "the planner did not answer (--planner, CLEARML_MIGRATOR_URL)");
        return help;
    }

    /** The code of a migration in this status; {@link #SUCCEEDED} for one that has not ended. */
    public static int of(String status) {
        return BY_STATUS.getOrDefault(status, SUCCEEDED);
    }

    /** True when a migration in this status will not change any more by itself. */
    public static boolean isLast(String status) {
        return BY_STATUS.containsKey(status);
    }
}
