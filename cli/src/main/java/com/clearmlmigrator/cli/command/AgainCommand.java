package com.clearmlmigrator.cli.command;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Mixin;

/** A command that starts a migration again from one before it (undo, retry), with its connections given again. */
abstract class AgainCommand extends OneMigrationCommand {
    @Mixin
    AgainOptions again;

    @Mixin
    FollowOptions follow;

    /** Asks the planner for the new run; its answer names the migration to follow. */
    abstract JsonNode send(PlannerClient client, String id, JsonNode connections);

    @Override
    public Integer call() {
        PlannerClient client = planner.client();
        return MigrationRun.started(spec, client, send(client, id, again.body()), follow.detach, planner.local());
    }
}
