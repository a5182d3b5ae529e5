package com.clearmlmigrator.cli.command;

import java.util.concurrent.Callable;

import com.clearmlmigrator.cli.planner.PlannerClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "retry",
        sortOptions = false,
        description =
                "Sends the failed tasks of a migration again (after COMPLETED_WITH_ERRORS or PAUSED) and follows it.")
public class RetryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PlannerOptions planner;

    @Parameters(paramLabel = "ID", description = "The migration's id.")
    String id;

    @Mixin
    AgainOptions again;

    @Mixin
    FollowOptions follow;

    @Override
    public Integer call() {
        PlannerClient client = planner.client();
        return MigrationRun.started(spec, client, client.retry(id, again.body()), follow.detach);
    }
}
