package com.clearmlmigrator.cli.command;

import java.net.URI;
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

    PlannerClient client() {
        String token = System.getenv("CLEARML_MIGRATOR_TOKEN");
        if (token == null || token.isBlank()) {
            token = System.getenv("PLANNER_API_TOKEN");
        }
        return new PlannerClient(URI.create(url), Optional.ofNullable(token));
    }
}
