package com.clearmlmigrator.cli.command;

import java.util.List;

import picocli.CommandLine.Command;

@Command(name = "watch", description = "Follows a migration live until it ends or pauses, then prints its report.")
public class WatchCommand extends OneMigrationCommand {
    @Override
    public Integer call() {
        return MigrationRun.watch(spec, planner.client(), id, List.of());
    }
}
