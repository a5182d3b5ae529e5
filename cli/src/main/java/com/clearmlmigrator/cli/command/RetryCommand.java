package com.clearmlmigrator.cli.command;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

@Command(
        name = "retry",
        description =
                "Sends the failed tasks of a migration again (after COMPLETED_WITH_ERRORS or PAUSED) and follows it.")
public class RetryCommand extends AgainCommand {
    @Override
    JsonNode send(PlannerClient client, String id, JsonNode connections) {
        return client.retry(id, connections);
    }
}
