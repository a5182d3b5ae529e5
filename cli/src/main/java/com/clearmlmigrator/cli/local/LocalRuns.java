package com.clearmlmigrator.cli.local;

import java.io.PrintWriter;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.command.FollowOptions;
import com.clearmlmigrator.cli.command.PlannerOptions;
import com.clearmlmigrator.cli.planner.PlannerException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs a command as it is, or, with {@code --local}, between starting the migrator on this host and stopping it: the
 * one place that knows, so every subcommand has the option and none of them handles it.
 */
public final class LocalRuns implements CommandLine.IExecutionStrategy {
    private final CommandLine.IExecutionStrategy run;

    public LocalRuns(CommandLine.IExecutionStrategy run) {
        this.run = run;
    }

    @Override
    public int execute(ParseResult parsed) {
        ParseResult command = last(parsed);
        PlannerOptions planner = mixin(command.commandSpec(), "planner", PlannerOptions.class);
        if (planner == null || !planner.local() || command.isUsageHelpRequested()) {
            return run.execute(parsed);
        }
        PrintWriter err = command.commandSpec().commandLine().getErr();
        FollowOptions follow = mixin(command.commandSpec(), "follow", FollowOptions.class);
        if (follow != null && follow.detach()) {
            err.println("--detach and --local do not go together: the local migrator stops when this command ends."
                    + " Leave out --detach; Ctrl-C stops it, and `watch ID --local` goes on with the migration.");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        try (LocalMigrator migrator = LocalMigrator.start(planner.stateDir(), err)) {
            planner.usePlanner(migrator.plannerUrl());
            return run.execute(parsed);
        } catch (PlannerException e) {
            err.println(e.getMessage());
            err.flush();
            return e.exitCode();
        }
    }

    private static ParseResult last(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        return command;
    }

    private static <T> T mixin(CommandSpec spec, String name, Class<T> type) {
        CommandSpec mixin = spec.mixins().get(name);
        return mixin != null && type.isInstance(mixin.userObject()) ? type.cast(mixin.userObject()) : null;
    }
}
