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
        name = "undo",
        sortOptions = false,
        description = "Restores every value a finished relink changed, from its journal, as a new migration.")
public class UndoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PlannerOptions planner;

    @Parameters(paramLabel = "ID", description = "The relink's id.")
    String id;

    @Mixin
    AgainOptions again;

    @Mixin
    FollowOptions follow;

    @Override
    public Integer call() {
        PlannerClient client = planner.client();
        return MigrationRun.started(spec, client, client.undo(id, again.body()), follow.detach);
    }
}
