package com.clearmlmigrator.cli.command;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

@Command(
        name = "undo",
        description = "Restores every value a finished relink changed, from its journal, as a new migration.")
public class UndoCommand extends AgainCommand {
    @Override
    JsonNode send(PlannerClient client, String id, JsonNode connections) {
        return client.undo(id, connections);
    }
}
