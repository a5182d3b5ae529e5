package com.clearmlmigrator.cli.command;

import java.io.PrintWriter;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.view.CliWording;
import com.clearmlmigrator.cli.view.ProgressDisplay;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "status",
        description = "A migration as it stands now; the exit code says how it ended, 0 while it runs.")
public class StatusCommand extends OneMigrationCommand {
    @Option(names = "--json", description = "The planner's JSON as it is.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        JsonNode migration = planner.client().migration(id);
        if (json) {
            printJson(migration);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            ProgressDisplay.forOutput(out, false, CliWording.of(spec)).show(migration);
            out.flush();
        }
        return ExitCode.of(migration.path("status").asText());
    }
}
