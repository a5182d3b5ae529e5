package com.clearmlmigrator.cli.command;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.files.StateFilePlace;
import com.clearmlmigrator.cli.files.StateFilesForgetting;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.clearmlmigrator.cli.planner.PlannerException;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
        name = "forget",
        description = "Removes what a finished relink kept for its undo: with --stores, the previous values of the"
                + " documents it changed, in the migrator's database; in the places of dataset state files named, the"
                + " originals of the files it changed, which take room in your bucket or on the file server's disk."
                + " What was relinked keeps its new links; the relink's undo cannot restore it after it.")
public class ForgetCommand extends OneMigrationCommand {
    /** While a relink is in one of these, its command and workers may still be writing its journals. */
    private static final Set<String> UNDER_WAY = Set.of("PLANNING", "RUNNING", "PAUSED");

    @Mixin
    StateFileOptions stateFiles;

    @Option(
            names = "--stores",
            description = "Forgets the journal of the values it changed in MongoDB and Elasticsearch, kept in the"
                    + " migrator's database: `undo ID` is refused after it.")
    boolean stores;

    @Option(names = "--dry-run", description = "Says what would be removed, and removes nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        List<StateFilePlace> places = stateFiles.places(spec);
        try {
            return forgetIn(places);
        } finally {
            // Whatever ends the command (a refusal, a planner that does not answer): the places' clients and downloads.
            places.forEach(StateFilePlace::close);
        }
    }

    private int forgetIn(List<StateFilePlace> places) {
        if (places.isEmpty() && !stores) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Name what to forget relink " + id + "'s journal in: --stores (the migrator's database), and the"
                            + " places of state files as the relink was given them: --fileserver-folder DIR,"
                            + " --dataset-bucket s3://BUCKET[/FOLDER].");
        }
        PlannerClient client = planner.client();
        String refusal = refusal(client.migration(id));
        if (refusal != null) {
            spec.commandLine().getErr().println(refusal);
            spec.commandLine().getErr().flush();
            return ExitCode.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        // To the second: the operator reads it back from an undo's report.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (stores) {
            storesJournalLines(client).forEach(out::println);
            out.flush();
        }
        boolean failed = false;
        for (StateFilePlace place : places) {
            StateFilesForgetting forgetting = StateFilesForgetting.in(place, id, dryRun, now);
            forgetting.lines().forEach(out::println);
            out.flush();
            failed |= forgetting.failed();
            forgetting.forgottenAt(now).ifPresent(at -> tellPlanner(client, place, at));
        }
        return failed ? ExitCode.COMPLETED_WITH_ERRORS : ExitCode.SUCCEEDED;
    }

    /** Forgets (or with --dry-run, counts) the relink's journal in the migrator's database; what the operator reads. */
    private List<String> storesJournalLines(PlannerClient client) {
        JsonNode before = client.journal(id);
        String journal = "Stores: the journal of relink " + id;
        String forgottenBefore = before.path("forgotten").textValue();
        if (dryRun) {
            return forgottenBefore != null
                    ? List.of(journal + " was forgotten on " + forgottenBefore + ".")
                    : List.of(
                            "Stores: relink " + id + " keeps the previous values of " + documents(before)
                                    + " in the migrator's database for its undo.",
                            "  Forgetting them (without --dry-run) leaves the stores with their new links for good:"
                                    + " `undo " + id + "` is refused after it.");
        }
        JsonNode removed = client.forgetJournal(id);
        if (forgottenBefore != null) {
            return List.of(journal + " was forgotten on " + forgottenBefore
                    + (removed.path("entries").asLong() > 0
                            ? "; what was left of it is removed now (" + documents(removed) + ")."
                            : "."));
        }
        String what = removed.path("entries").asLong() == 0
                ? "it held no previous value (the relink changed nothing in the stores)."
                : "the previous values of " + documents(removed) + " removed from the migrator's database.";
        return List.of(
                journal + " is forgotten: " + what,
                "  The stores keep their new links; `undo " + id + "` is refused now.");
    }

    private static String documents(JsonNode journal) {
        return String.format("%,d documents", journal.path("entries").asLong());
    }

    /**
     * So that the relink's report and the dashboard stop offering its undo there. Not an error when it fails: the
     * journal is forgotten all the same, and the undo says so.
     */
    private void tellPlanner(PlannerClient client, StateFilePlace place, Instant at) {
        try {
            client.forgetStateFiles(id, place.description().where(), at);
        } catch (PlannerException e) {
            spec.commandLine().getOut().println("  (The planner was not told: " + e.getMessage() + ")");
            spec.commandLine().getOut().flush();
        }
    }

    /** Why the migration's journal is not to be forgotten now, or null. */
    private String refusal(JsonNode migration) {
        String kind = migration.path("kind").asText();
        String status = migration.path("status").asText();
        if (!kind.equals("relink")) {
            return "Migration " + id + " is of kind " + kind
                    + ", not a relink: only a relink keeps a journal for its undo.";
        }
        if (UNDER_WAY.contains(status)) {
            return "Relink " + id + " is " + status + ": it may still be writing its journal. Forget it once the"
                    + " relink has ended (`status " + id + "`).";
        }
        return null;
    }
}
