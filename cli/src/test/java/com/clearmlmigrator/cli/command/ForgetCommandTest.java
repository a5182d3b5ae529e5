package com.clearmlmigrator.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.files.FileServerFolder;
import com.clearmlmigrator.cli.files.StateFilesRelink;
import com.clearmlmigrator.cli.planner.StandInPlanner;

import picocli.CommandLine;

/** {@code forget}, over real HTTP to a stand-in planner that says what migration m1 is. */
class ForgetCommandTest {
    private static final String FINISHED_RELINK = "{\"id\":\"m1\",\"kind\":\"relink\",\"status\":\"SUCCEEDED\"}";

    @TempDir
    Path fileServer;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> told = new CopyOnWriteArrayList<>();
    /** What the planner answers of m1's journal in the stores, before and after it is forgotten. */
    private String journal = "{\"entries\":15,\"forgotten\":null}";

    private String journalAfter = "{\"entries\":15,\"forgotten\":\"2026-12-06T21:00:00Z\"}";

    /** A state file relinked by m1, its original kept in the folder's journal; returns the journal's originals. */
    private Path relinkedByM1() throws IOException {
        Path file = fileServer.resolve("p/.datasets/d/d.x1/artifacts/state/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"dataset_link_entries\": [{\"link\": \"s3://old/a.csv\"}]}");
        try (FileServerFolder place = FileServerFolder.at(fileServer)) {
            new StateFilesRelink(place).relink("m1", "s3://old", "s3://new", false);
        }
        return fileServer.resolve(".clearml-migrator/relink-m1/originals");
    }

    /**
     * Runs the command against a planner that answers {@code GET /migrations/m1} with {@code migration}, what it is
     * told of m1's state files with {@code toldAnswer} (keeping each request in {@link #told}), and m1's journal in the
     * stores with {@link #journal}.
     */
    private int forget(String migration, String... args) {
        return forget(migration, 200, args);
    }

    private int forget(String migration, int toldAnswer, String... args) {
        try (StandInPlanner planner = new StandInPlanner("/migrations/m1", exchange -> {
            boolean tells = !exchange.getRequestMethod().equals("GET");
            boolean ofJournal = exchange.getRequestURI().getPath().endsWith("/journal");
            if (tells) {
                told.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            String answer = ofJournal
                    ? tells ? journalAfter : journal
                    : tells ? toldAnswer < 300 ? "[]" : "{\"error\":\"No place like that.\"}" : migration;
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(tells ? toldAnswer : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        })) {
            CommandLine command =
                    ClearmlMigrator.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
            String[] all = new String[args.length + 4];
            all[0] = "forget";
            all[1] = "m1";
            all[2] = "--planner";
            all[3] = planner.address().toString();
            System.arraycopy(args, 0, all, 4, args.length);
            return command.execute(all);
        }
    }

    @Test
    void theJournalOfAFinishedRelinkIsForgottenInTheFolderGiven() throws IOException {
        Path originals = relinkedByM1();

        int code = forget(FINISHED_RELINK, "--fileserver-folder", fileServer.toString());

        assertThat(code).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(out.toString())
                .contains(": the journal of relink m1 is forgotten: 1 original (")
                .contains("its undo restores none of them now.");
        assertThat(originals).doesNotExist();
        String forgottenAt =
                Files.readString(originals.resolveSibling("forgotten")).strip();
        assertThat(told)
                .containsExactly("PUT /migrations/m1/state-files/forgotten {\"place\":\"" + fileServer + "\",\"at\":\""
                        + forgottenAt + "\"}");
    }

    @Test
    void aPlannerThatIsNotToldIsSaidAndTheJournalIsForgottenAllTheSame() throws IOException {
        Path originals = relinkedByM1();

        int code = forget(FINISHED_RELINK, 404, "--fileserver-folder", fileServer.toString());

        assertThat(code).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(out.toString()).contains("  (The planner was not told: No place like that.)");
        assertThat(originals).doesNotExist();
    }

    @Test
    void aDryRunRemovesNothing() throws IOException {
        Path originals = relinkedByM1();

        int code = forget(FINISHED_RELINK, "--fileserver-folder", fileServer.toString(), "--dry-run");

        assertThat(code).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(out.toString()).contains(": relink m1 keeps 1 original (");
        assertThat(originals).isDirectory();
        assertThat(told).isEmpty();
    }

    @Test
    void aRelinkStillRunningKeepsItsJournal() throws IOException {
        assertRefusedKeepingTheJournal(
                "{\"id\":\"m1\",\"kind\":\"relink\",\"status\":\"RUNNING\"}",
                "Relink m1 is RUNNING: it may still be writing its journal. Forget it once the relink has ended"
                        + " (`status m1`).");
    }

    @Test
    void aMigrationOtherThanARelinkHasNoJournalToForget() throws IOException {
        assertRefusedKeepingTheJournal(
                "{\"id\":\"m1\",\"kind\":\"es-copy\",\"status\":\"SUCCEEDED\"}",
                "Migration m1 is of kind es-copy, not a relink: only a relink keeps a journal for its undo.");
    }

    private void assertRefusedKeepingTheJournal(String migration, String sentence) throws IOException {
        Path originals = relinkedByM1();

        int code = forget(migration, "--fileserver-folder", fileServer.toString());

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(sentence);
        assertThat(originals).isDirectory();
        assertThat(told).isEmpty();
    }

    @Test
    void withoutAPlaceTheCommandSaysWhatToGive() {
        int code = forget(FINISHED_RELINK);

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString())
                .contains("Name what to forget relink m1's journal in: --stores (the migrator's database), and the"
                        + " places of state files as the relink was given them: --fileserver-folder DIR,"
                        + " --dataset-bucket s3://BUCKET[/FOLDER].");
    }

    @Test
    void theStoresJournalIsForgottenOnThePlannerAndADryRunOnlyCountsIt() {
        int looked = forget(FINISHED_RELINK, "--stores", "--dry-run");

        assertThat(looked).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(out.toString())
                .contains("Stores: relink m1 keeps the previous values of 15 documents in the migrator's database for"
                        + " its undo.");
        assertThat(told).isEmpty();

        int code = forget(FINISHED_RELINK, "--stores");

        assertThat(code).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(out.toString())
                .contains("Stores: the journal of relink m1 is forgotten: the previous values of 15 documents removed"
                        + " from the migrator's database.")
                .contains("  The stores keep their new links; `undo m1` is refused now.");
        assertThat(told).containsExactly("DELETE /migrations/m1/journal ");
    }

    @Test
    void anEmptyStoresJournalIsSaidToHoldNothing() {
        assertThat(storesForgotten(
                        "{\"entries\":0,\"forgotten\":null}", "{\"entries\":0,\"forgotten\":\"2026-12-06T21:00:00Z\"}"))
                .contains("Stores: the journal of relink m1 is forgotten: it held no previous value (the relink changed"
                        + " nothing in the stores).");
    }

    @Test
    void aStoresJournalForgottenBeforeIsSaidSoWithWhatWasLeft() {
        assertThat(storesForgotten(
                        "{\"entries\":2,\"forgotten\":\"2026-12-06T18:35:06Z\"}",
                        "{\"entries\":2,\"forgotten\":\"2026-12-06T18:35:06Z\"}"))
                .contains("Stores: the journal of relink m1 was forgotten on 2026-12-06T18:35:06Z; what was left of it"
                        + " is removed now (2 documents).");
    }

    /** What {@code forget m1 --stores} prints, the planner answering of m1's journal so before and after; it succeeds. */
    private String storesForgotten(String before, String after) {
        journal = before;
        journalAfter = after;
        assertThat(forget(FINISHED_RELINK, "--stores")).isEqualTo(ExitCode.SUCCEEDED);
        return out.toString();
    }
}
