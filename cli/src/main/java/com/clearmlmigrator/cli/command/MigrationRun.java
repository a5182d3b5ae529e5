package com.clearmlmigrator.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.planner.EventStream;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.clearmlmigrator.cli.view.CliWording;
import com.clearmlmigrator.cli.view.ProgressDisplay;
import com.clearmlmigrator.cli.view.ReportTable;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Model.CommandSpec;

/** Starting a migration and staying with it: live progress, then its report and the exit code of how it ended. */
final class MigrationRun {
    private MigrationRun() {}

    /**
     * Prints the id of a migration just accepted, then follows it unless {@code detach}.
     *
     * @param local whether the migrator runs for this command only ({@code --local}): Ctrl-C then stops it
     */
    static int started(CommandSpec spec, PlannerClient planner, JsonNode accepted, boolean detach, boolean local) {
        return started(spec, planner, accepted, detach, local, () -> {});
    }

    /**
     * @param alongside work of this host's that goes with the migration (the file server's folder of a relink), done
     *     once the migration's id is printed and before it is followed
     */
    static int started(
            CommandSpec spec,
            PlannerClient planner,
            JsonNode accepted,
            boolean detach,
            boolean local,
            Runnable alongside) {
        String id = accepted.path("id").asText();
        PrintWriter out = spec.commandLine().getOut();
        if (detach) {
            out.println(id);
            out.flush();
            alongside.run();
            return ExitCode.SUCCEEDED;
        }
        if (local) {
            out.println("Migration " + id + " accepted. Ctrl-C stops the local migrator with it, and `clearml-migrator"
                    + " watch " + id + " --local` goes on where it stopped.");
        } else {
            out.println("Migration " + id + " accepted. Ctrl-C stops watching, not the migration: `clearml-migrator"
                    + " watch " + id + "` comes back to it, `clearml-migrator cancel " + id + "` stops it.");
        }
        out.flush();
        alongside.run();
        return watch(spec, planner, id, List.of());
    }

    /**
     * Shows the migration until it ends or pauses; then its report, and how to go on with it if it must. The progress
     * (as plain lines), the report and the ending go to {@code logs} too.
     */
    static int watch(CommandSpec spec, PlannerClient planner, String id, List<PrintWriter> logs) {
        PrintWriter out = spec.commandLine().getOut();
        List<ProgressDisplay> displays = new ArrayList<>();
        CliWording wording = CliWording.of(spec);
        displays.add(ProgressDisplay.forOutput(out, System.console() != null, wording));
        logs.forEach(log -> displays.add(ProgressDisplay.forOutput(log, false, wording)));
        JsonNode last = new EventStream(planner).follow(id, snapshot -> displays.forEach(d -> d.show(snapshot)));
        String status = last.path("status").asText();
        JsonNode report = ExitCode.isLast(status) ? planner.report(id) : null;
        List<PrintWriter> writers = new ArrayList<>(logs);
        writers.add(0, out);
        for (PrintWriter writer : writers) {
            if (report != null) {
                ReportTable.print(last.path("kind").asText(), report, writer, wording);
            }
            writer.println(ending(id, status, wording));
            writer.flush();
        }
        return ExitCode.of(status);
    }

    /** The last line: how the migration ended, and the command that goes on with it when one can. */
    static String ending(String id, String status, CliWording wording) {
        Optional<String> retry = wording.command("retry", id);
        if (retry.isEmpty()) {
            return "Migration " + id + " " + status + ".";
        }
        return "Migration " + id + " " + status
                + switch (status) {
                    case "COMPLETED_WITH_ERRORS" -> ": `" + retry.get() + "` sends the failed tasks again.";
                    case "PAUSED" -> ": lift the write block or free the disk, then `" + retry.get() + "`.";
                    default -> ".";
                };
    }
}
