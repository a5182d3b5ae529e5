package com.clearmlmigrator.cli.command;

import java.util.concurrent.Callable;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that starts a migration (inspect, relink, copy-es) and, unless detached, stays with it. */
abstract class StartingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PlannerOptions planner;

    @Mixin
    FollowOptions follow;

    /** Submits the request, then follows the migration it started. */
    int start(JsonNode request) {
        PlannerClient client = planner.client();
        return MigrationRun.started(spec, client, client.submit(request), follow.detach, planner.local());
    }
}
