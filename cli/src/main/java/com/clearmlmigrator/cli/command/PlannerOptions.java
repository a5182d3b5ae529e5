package com.clearmlmigrator.cli.command;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import com.clearmlmigrator.cli.planner.PlannerClient;

import picocli.CommandLine.Option;

/** Where the planner is; its API token comes from the environment, never from the command line. */
public class PlannerOptions {
    @Option(
            names = "--planner",
            paramLabel = "URL",
            defaultValue = "${env:CLEARML_MIGRATOR_URL:-http://localhost:8080}",
            description = "The planner's address (default: CLEARML_MIGRATOR_URL, else ${DEFAULT-VALUE}). Its API token,"
                    + " when it has one, is read from CLEARML_MIGRATOR_TOKEN (or PLANNER_API_TOKEN).")
    String url;

    @Option(
            names = "--local",
            description = "Run the migrator itself on this host for this command (Kafka, its state store, the planner"
                    + " and one worker of each kind, from this checkout's jars, on loopback ports), then stop it. Needs"
                    + " a JDK and nothing else. Past runs stay in --state-dir, so `report ID --local` and"
                    + " `undo ID --local` work later; a run stopped with Ctrl-C goes on with `watch ID --local`.")
    boolean local;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            defaultValue = "${env:CLEARML_MIGRATOR_HOME:-${sys:user.home}/.clearml-migrator}",
            description = "Where --local keeps the migrator's state, reports and logs (default: CLEARML_MIGRATOR_HOME,"
                    + " else ${DEFAULT-VALUE}).")
    Path stateDir;

    /** Whether this command runs the migrator on this host itself. */
    public boolean local() {
        return local;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Points this command at a planner started for it ({@code --local}). */
    public void usePlanner(String plannerUrl) {
        url = plannerUrl;
    }

    PlannerClient client() {
        String token = System.getenv("CLEARML_MIGRATOR_TOKEN");
        if (token == null || token.isBlank()) {
            token = System.getenv("PLANNER_API_TOKEN");
        }
        return new PlannerClient(URI.create(url), Optional.ofNullable(token));
    }
}
