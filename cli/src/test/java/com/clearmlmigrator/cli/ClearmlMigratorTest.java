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

    private static String help(CommandLine command) {
        StringWriter out = new StringWriter();
        command.usage(new PrintWriter(out), CommandLine.Help.Ansi.OFF);
        return out.toString().replace("\r\n", "\n");
    }
}
