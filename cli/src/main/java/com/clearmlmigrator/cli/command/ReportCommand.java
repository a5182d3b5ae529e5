package com.clearmlmigrator.cli.command;

import java.io.PrintWriter;
import java.util.List;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.files.StateFilesCensus;
import com.clearmlmigrator.cli.files.StateFilesReport;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.clearmlmigrator.cli.view.CliWording;
import com.clearmlmigrator.cli.view.ReportTable;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", description = "What a migration found or did, per collection and index, with every failure.")
public class ReportCommand extends OneMigrationCommand {
    @Option(names = "--json", description = "The whole report as JSON (samples, issues, checksums...).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PlannerClient client = planner.client();
        JsonNode migration = client.migration(id);
        JsonNode report = client.report(id);
        if (json) {
            printJson(report);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            ReportTable.print(migration.path("kind").asText(), report, out, CliWording.of(spec));
            printStateFiles(migration, out);
            printJournalForgotten(migration, out);
        }
        return ExitCode.of(migration.path("status").asText());
    }

    /** A relink whose journal in the stores was forgotten can no longer be undone: said after what it did. */
    private static void printJournalForgotten(JsonNode migration, PrintWriter out) {
        String forgotten = migration.path("journalForgotten").textValue();
        if (forgotten != null) {
            out.println("Stores: its journal was forgotten on " + forgotten + " (`forget --stores`): the values it"
                    + " changed keep their new links; `undo` is refused.");
        }
    }

    /** What the command did to dataset state files beside a relink or its undo, as it told the planner. */
    private static void printStateFiles(JsonNode migration, PrintWriter out) {
        String kind = migration.path("kind").asText();
        for (JsonNode told : migration.path("stateFiles")) {
            List<String> lines = kind.equals("inspect")
                    ? StateFilesCensus.told(told).lines()
                    : StateFilesReport.toldLines(told, kind.equals("undo"));
            lines.forEach(out::println);
        }
    }
}
