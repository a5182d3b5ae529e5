package com.clearmlmigrator.cli.command;

import picocli.CommandLine.Option;

/** Whether a command that starts a migration stays to show it. */
public class FollowOptions {
    @Option(
            names = "--detach",
            description = "Submit, print the migration's id and return; `watch ID` follows it later.")
    boolean detach;

    public boolean detach() {
        return detach;
    }
}
