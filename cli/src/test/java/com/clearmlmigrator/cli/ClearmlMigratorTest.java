package com.clearmlmigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class ClearmlMigratorTest {
    @Test
    void everyCommandsHelpListsTheExitCodesUnderTheirHeading() {
        CommandLine root = ClearmlMigrator.commandLine();
        assertThat(help(root)).contains("Exit codes:\n   0   SUCCEEDED");
        root.getSubcommands().forEach((name, command) -> {
            if (!name.equals("help")) {
                assertThat(help(command)).as(name).contains("\nExit codes:\n   0   SUCCEEDED");
            }
        });
    }

    @Test
    void everyCommandTakesHelpAndVersionAndListsItsOptionsInTheOrderTheyAreFilledIn() {
        CommandLine root = ClearmlMigrator.commandLine();
        root.getSubcommands().forEach((name, command) -> {
            if (!name.equals("help")) {
                assertThat(help(command)).as(name).contains("-h, --help").contains("-V, --version");
            }
        });
        String relink = help(root.getSubcommands().get("relink"));
        assertThat(relink.indexOf("\n      --from"))
                .as("the prefixes before the flags that refine them")
                .isPositive()
                .isLessThan(relink.indexOf("\n      --dry-run"));
        StringWriter version = new StringWriter();
        root.setOut(new PrintWriter(version));
        assertThat(root.execute("status", "--version")).isZero();
        assertThat(version.toString()).startsWith("clearml-migrator 0.1.0");
    }

    private static String help(CommandLine command) {
        StringWriter out = new StringWriter();
        command.usage(new PrintWriter(out), CommandLine.Help.Ansi.OFF);
        return out.toString().replace("\r\n", "\n");
    }
}
