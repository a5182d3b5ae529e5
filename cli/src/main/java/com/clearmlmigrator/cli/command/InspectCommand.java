package com.clearmlmigrator.cli.command;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/** The pre-flight look: what a relink or a copy would meet. */
@Command(
        name = "inspect",
        description = "Counts, sizes, versions and data shapes of every ClearML collection and index; writes nothing.")
public class InspectCommand extends StartingCommand {
    @Mixin
    StoreOptions stores;

    @Override
    public Integer call() {
        if (!stores.hasAny()) {
            throw new ParameterException(spec.commandLine(), "Give --mongo, --elastic or both.");
        }
        ObjectNode request = PlannerClient.JSON.createObjectNode().put("kind", "inspect");
        stores.addTo(request);
        return start(request);
    }
}
