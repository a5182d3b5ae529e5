package com.clearmlmigrator.cli.upgrade;

import java.io.PrintWriter;
import java.util.Optional;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.clearmlmigrator.cli.planner.PlannerException;

/**
 * The copy of an upgrade runs between two nodes that live only as long as the command. One the command leaves open
 * (Ctrl-C, a kill) cannot go on, as a relink left by {@code --local} does when the migrator starts again: its tasks would
 * wait a minute on nodes that are gone, or write to whatever listens on their ports next. So Ctrl-C cancels it, and the
 * next run cancels one that a kill left open.
 */
final class UpgradeCopies {
    private final PrintWriter out;
    private volatile PlannerClient planner;
    private volatile String underWay;

    UpgradeCopies(PrintWriter out) {
        this.out = out;
    }

    /** The copy of this run, accepted by the planner. */
    void accepted(PlannerClient planner, String id) {
        this.planner = planner;
        this.underWay = id;
    }

    /** Cancels the copy an earlier run of this upgrade started, unless it ended. */
    void cancelLeftOpen(PlannerClient planner, Optional<String> earlier) {
        earlier.filter(id -> cancelled(planner, id))
                .ifPresent(id -> out.println("The copy of the interrupted run (migration " + id + ") was still open:"
                        + " cancelled, as the nodes it copied between are gone."));
    }

    /** Ctrl-C: the copy under way is cancelled before the nodes and the migrator stop. */
    void interrupted(UpgradeOptions options) {
        String id = underWay;
        boolean cancelled = id != null && cancelled(planner, id);
        out.println("Interrupted: " + (cancelled ? "the copy (migration " + id + ") is cancelled, and " : "")
                + "both nodes and the migrator stop. Nothing was renamed: " + options.source() + " is where it was."
                + " Run the same command again: it starts " + options.target() + " over.");
        out.flush();
    }

    /** False when it had ended, or the planner cannot be reached: either way nothing of it runs on. */
    private static boolean cancelled(PlannerClient planner, String id) {
        try {
            planner.cancel(id);
            return true;
        } catch (PlannerException endedOrUnknown) {
            return false;
        }
    }
}
