package com.clearmlmigrator.cli.command;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A command about one migration, named by its id: status, watch, report, cancel, undo, retry. */
abstract class OneMigrationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PlannerOptions planner;

    @Parameters(paramLabel = "ID", description = "The migration's id (`list` shows them).")
    String id;
}
