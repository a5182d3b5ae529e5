package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.clearmlmigrator.cli.ClearmlMigrator;

import picocli.CommandLine;

/** One run of the clearml-migrator command in this JVM, against the running system's planner: its code and output. */
record CommandRun(int code, String out, String err) {
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command =
                ClearmlMigrator.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        String[] withPlanner = new String[args.length + 2];
        System.arraycopy(args, 0, withPlanner, 0, args.length);
        withPlanner[args.length] = "--planner";
        withPlanner[args.length + 1] = RunningSystem.ports().plannerUrl();
        int code = command.execute(withPlanner);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** The words of a relink of {@code database} on the running system's MongoDB from {@code from} to {@code to}. */
    static String[] relink(String database, String from, String to, String... more) {
        return words(
                new String[] {
                    "relink",
                    "--mongo",
                    RunningSystem.ports().mongoUri(),
                    "--mongo-database",
                    database,
                    "--from",
                    from,
                    "--to",
                    to
                },
                more);
    }

    /** {@code first}, then {@code more}. */
    static String[] words(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    String migrationId() {
        Optional<String> id = acceptedId(out);
        assertThat(id).as(out).isPresent();
        return id.orElseThrow();
    }

    /** The id of the migration the command's output says the planner accepted, once it says so. */
    static Optional<String> acceptedId(String out) {
        Matcher accepted = Pattern.compile("Migration (\\S+) accepted").matcher(out);
        return accepted.find() ? Optional.of(accepted.group(1)) : Optional.empty();
    }
}
