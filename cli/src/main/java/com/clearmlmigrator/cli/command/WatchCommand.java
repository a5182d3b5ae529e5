package com.clearmlmigrator.cli.command;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "watch",
        description = "Follows a migration live until it ends or pauses, then prints its report.")
public class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PlannerOptions planner;

    @Parameters(paramLabel = "ID", description = "The migration's id.")
    String id;

    @Override
    public Integer call() {
        return MigrationRun.watch(spec, planner.client(), id);
    }
}
