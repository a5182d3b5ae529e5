package com.clearmlmigrator.cli.command;

import com.clearmlmigrator.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

@Command(
        name = "cancel",
        description = "Stops a migration: no task of it starts any more; tasks under way stop at their next part.")
public class CancelCommand extends OneMigrationCommand {
    @Override
    public Integer call() {
        JsonNode cancelled = planner.client().cancel(id);
        spec.commandLine()
                .getOut()
                .println("Migration " + id + " " + cancelled.path("status").asText() + ".");
        spec.commandLine().getOut().flush();
        return ExitCode.SUCCEEDED;
    }
}
