package com.clearmlmigrator.cli.command;

import java.util.concurrent.Callable;

import com.clearmlmigrator.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "cancel",
        description = "Stops a migration: no task of it starts any more; tasks under way stop at their next part.")
public class CancelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PlannerOptions planner;

    @Parameters(paramLabel = "ID", description = "The migration's id.")
    String id;

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
