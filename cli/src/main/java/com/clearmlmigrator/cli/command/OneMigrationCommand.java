package com.clearmlmigrator.cli.command;

import java.util.concurrent.Callable;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A command about one migration, named by its id: status, watch, report, cancel, undo, retry. */
abstract class OneMigrationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PlannerOptions planner;

    @Parameters(paramLabel = "ID", description = "The migration's id (`list` shows them).")
    String id;

    /** Prints what the planner answered as it is (indented), for scripts and for a look at every field. */
    void printJson(JsonNode answer) throws JsonProcessingException {
        spec.commandLine()
                .getOut()
                .println(PlannerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        spec.commandLine().getOut().flush();
    }
}
