package com.clearmlmigrator.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.clearmlmigrator.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "The most recent migrations, newest first.")
public class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PlannerOptions planner;

    @Override
    public Integer call() {
        JsonNode migrations = planner.client().migrations();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-36s  %-8s  %-22s  %-9s  %s%n", "id", "kind", "status", "tasks", "accepted");
        for (JsonNode migration : migrations) {
            JsonNode tasks = migration.path("tasks");
            out.printf(
                    "%-36s  %-8s  %-22s  %-9s  %s%n",
                    migration.path("id").asText(),
                    migration.path("kind").asText(),
                    migration.path("status").asText(),
                    tasks.path("succeeded").asInt() + "/" + tasks.path("total").asInt(),
                    migration.path("createdAt").asText());
        }
        out.flush();
        return ExitCode.SUCCEEDED;
    }
}
