package com.clearmlmigrator.cli;

import com.clearmlmigrator.cli.command.CancelCommand;
import com.clearmlmigrator.cli.command.CopyEsCommand;
import com.clearmlmigrator.cli.command.ForgetCommand;
import com.clearmlmigrator.cli.command.InspectCommand;
import com.clearmlmigrator.cli.command.ListCommand;
import com.clearmlmigrator.cli.command.RelinkCommand;
import com.clearmlmigrator.cli.command.ReportCommand;
import com.clearmlmigrator.cli.command.RetryCommand;
import com.clearmlmigrator.cli.command.StatusCommand;
import com.clearmlmigrator.cli.command.UndoCommand;
import com.clearmlmigrator.cli.command.UpgradeElasticCommand;
import com.clearmlmigrator.cli.command.WatchCommand;
import com.clearmlmigrator.cli.local.LocalRuns;
import com.clearmlmigrator.cli.planner.PlannerException;
import com.clearmlmigrator.cli.view.CliWording;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * The {@code clearml-migrator} command: the front door to the planner. Its subcommands inherit {@code --help}, {@code
 * --version}, options listed in the order they are declared (the order an operator fills them in), and the exit codes.
 */
@Command(
        name = "clearml-migrator",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        sortOptions = false,
        version = "clearml-migrator 0.1.0",
        description = "Moves a ClearML server's data safely: relinks stored URLs when the file server or storage moves,"
                + " and copies Elasticsearch indices to a new version. Talks to the planner (--planner).",
        exitCodeListHeading = ClearmlMigrator.EXIT_CODES_HEADING,
        subcommands = {
            InspectCommand.class,
            RelinkCommand.class,
            CopyEsCommand.class,
            UpgradeElasticCommand.class,
            ListCommand.class,
            StatusCommand.class,
            WatchCommand.class,
            ReportCommand.class,
            UndoCommand.class,
            ForgetCommand.class,
            CancelCommand.class,
            RetryCommand.class,
            HelpCommand.class
        })
public class ClearmlMigrator implements Runnable {
    static final String EXIT_CODES_HEADING = "%nExit codes:%n";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with our exit codes: usage errors and refused input are 2; planner failures say why. */
    public static CommandLine commandLine() {
        CommandLine command = new CommandLine(new ClearmlMigrator());
        command.getCommandSpec().usageMessage().exitCodeList(ExitCode.HELP);
        command.getSubcommands()
                .values()
                .forEach(sub -> sub.getCommandSpec().usageMessage().exitCodeList(ExitCode.HELP));
        return command.setExecutionStrategy(new LocalRuns(new CommandLine.RunLast()))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof PlannerException planner) {
                        cmd.getErr().println(CliWording.of(cmd.getCommandSpec()).apply(planner.getMessage()));
                        cmd.getErr().flush();
                        return planner.exitCode();
                    }
                    throw e;
                })
                .setParameterExceptionHandler((e, args) -> {
                    e.getCommandLine().getErr().println(e.getMessage());
                    e.getCommandLine()
                            .getErr()
                            .println("`clearml-migrator help "
                                    + e.getCommandLine().getCommandName() + "` lists the options.");
                    e.getCommandLine().getErr().flush();
                    return ExitCode.BAD_INPUT;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
