package com.clearmlmigrator.cli.command;

import java.io.Console;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Passwords never have to be typed on the command line, where the shell history and {@code ps} would keep them: they
 * come from an environment variable, or from a prompt on a terminal.
 */
final class Secrets {
    private Secrets() {}

    /**
     * @param given   what an option gave (ClearML's {@code --elastic-password} takes one), or null
     * @param envName the variable that may hold it
     * @param what    what the password is for, for the prompt and the error
     */
    static String password(CommandSpec spec, char[] given, String envName, String what) {
        if (given != null && given.length > 0) {
            return new String(given);
        }
        String fromEnvironment = System.getenv(envName);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for %s: ", what);
            if (typed != null && typed.length > 0) {
                return new String(typed);
            }
        }
        throw new ParameterException(
                spec.commandLine(),
                "A password for " + what + " is needed: set " + envName + " (or run on a terminal to be asked).");
    }
}
