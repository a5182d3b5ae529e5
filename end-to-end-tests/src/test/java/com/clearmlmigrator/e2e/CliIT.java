package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDocument;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The clearml-migrator command against the whole system, with the flags of ClearML's own script. */
@OnSecondSystem
class CliIT {
    /** A database of its own, so no other test's migration holds it. */
    private static final String DATABASE = "cli_backend";

    /** An ES 5.6 index of its own, copied while the command runs on a pseudo-terminal. */
    private static final String TTY_LOGS = "events-log-clitty";

    private static final int LOG_LINES = 90;

    private static final String OLD = DatasetSpec.DEFAULT_FILE_SERVER;
    private static final String NEW = "http://files.example.com:8081";

    @BeforeAll
    static void seedADatabaseOfItsOwn() {
        new MongoSeeder(RunningSystem.ports().mongoUri())
                .seed(DATABASE, new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(7, 1, 12))).collections());
        List<EventDocument> logs = new ArrayList<>();
        for (int i = 0; i < LOG_LINES; i++) {
            Map<String, Object> source = Map.of("task", "cli", "type", "log", "iter", i, "msg", "line " + i);
            logs.add(new EventDocument(TTY_LOGS, "event", "log-" + i, "cli", source));
        }
        new ElasticSeeder(RunningSystem.ports().elastic5Url()).add(ElasticEra.ES5, logs);
    }

    @AfterAll
    static void dropIt() {
        RunningSystem.dropDatabase(DATABASE);
        new ElasticHttp(RunningSystem.ports().elastic5Url()).delete("/" + TTY_LOGS);
        new ElasticHttp(RunningSystem.ports().elastic7Url()).delete("/" + TTY_LOGS);
    }

    @Test
    void aRelinkWithClearmlsFlagsFollowsToTheEndAndItsUndoRestoresEveryUri() {
        List<String> before = modelUris();
        // The synthetic models also point at buckets, local files and a look-alike port (:80810), which stay.
        List<String> expected = before.stream()
                .map(uri -> uri.startsWith(OLD + "/") ? NEW + uri.substring(OLD.length()) : uri)
                .toList();
        assertThat(expected).isNotEqualTo(before);

        CommandRun relink = relinkWithClearmlsFlags(DATABASE);

        assertThat(relink.code()).as(relink.out() + relink.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = relink.migrationId();
        // Progress is a snapshot sampled each second: a relink this small can end between two samples, so the line
        // before the last may say PLANNING or RUNNING, but there is one, and it is not the final state.
        assertThat(relink.out())
                .containsPattern("relink " + id + "  (PLANNING|RUNNING)  tasks ")
                .contains("relink " + id + "  SUCCEEDED  tasks ")
                .containsPattern("mongo +model +[0-9,]+ +[1-9][0-9,]* +0 +0")
                .endsWith("Migration " + id + " SUCCEEDED.\n");
        assertThat(modelUris()).isEqualTo(expected);

        CommandRun undo = CommandRun.of("undo", id);

        assertThat(undo.code()).as(undo.out() + undo.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(modelUris()).isEqualTo(before);
        CommandRun report = CommandRun.of("report", id);
        assertThat(report.code()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(report.out()).containsPattern("mongo +model +");
    }

    @Test
    void givenTheFileServerFolderARelinkMovesTheDatasetStateLinksAndItsUndoPutsThemBackEvenAfterOneWithout(
            @TempDir Path fileServer) throws Exception {
        // A dataset's state file where ClearML's file server keeps it, with one external file in the moved bucket.
        Path state = fileServer.resolve("vision/.datasets/images/images.cli1/artifacts/state/state.json");
        Files.createDirectories(state.getParent());
        Files.writeString(
                state,
                "{\"file_count\": 2, \"dataset_file_entries\": [], \"dataset_link_entries\": ["
                        + "{\"link\": \"s3://cli-bucket/raw/a.png\", \"relative_path\": \"raw/a.png\", \"size\": 10},"
                        + " {\"link\": \"s3://elsewhere/raw/b.png\", \"relative_path\": \"raw/b.png\", \"size\": 20}],"
                        + " \"id\": \"cli1\", \"dirty\": false}");
        byte[] before = Files.readAllBytes(state);
        String[] relink = CommandRun.relink(
                DATABASE, "s3://cli-bucket", "s3://cli-bucket-moved", "--fileserver-folder", fileServer.toString());
        String summary = "Dataset state files under " + fileServer.toAbsolutePath() + ": 1 read, 1 external-file links"
                + " in 1 of them ";

        CommandRun dryRun = CommandRun.of(append(relink, "--dry-run"));

        assertThat(dryRun.code()).as(dryRun.out() + dryRun.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(dryRun.out()).contains(summary + "would change.");
        assertThat(Files.readAllBytes(state)).isEqualTo(before);

        CommandRun relinked = CommandRun.of(relink);

        assertThat(relinked.code()).as(relinked.out() + relinked.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = relinked.migrationId();
        assertThat(relinked.out())
                .containsSubsequence(
                        "Migration " + id + " accepted", summary + "changed.", "Migration " + id + " SUCCEEDED.");
        assertThat(new ObjectMapper()
                        .readTree(state.toFile())
                        .path("dataset_link_entries")
                        .findValuesAsText("link"))
                .containsExactly("s3://cli-bucket-moved/raw/a.png", "s3://elsewhere/raw/b.png");

        // The operator forgets the folder: the stores are restored, the state file is not.
        CommandRun undoWithoutFolder = CommandRun.of("undo", id);

        assertThat(undoWithoutFolder.code()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(Files.readAllBytes(state)).isNotEqualTo(before);

        // Asked again with it, the planner has nothing left to undo, and the state file is restored.
        CommandRun undo = CommandRun.of("undo", id, "--fileserver-folder", fileServer.toString());

        assertThat(undo.code()).as(undo.out() + undo.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(undo.err()).contains("There is nothing left to undo.");
        assertThat(undo.out()).contains(": 1 of the 1 the relink changed restored.");
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
    }

    @Test
    void aFileServerFolderThatIsNotThereIsTheUsageCodeAndSubmitsNothing(@TempDir Path somewhere) {
        CommandRun relink = CommandRun.of(
                "relink",
                "--mongo",
                RunningSystem.ports().mongoUri(),
                "--from",
                "s3://cli-bucket",
                "--to",
                "s3://cli-bucket-moved",
                "--fileserver-folder",
                somewhere.resolve("fileserver").toString());

        assertThat(relink.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(relink.err())
                .contains("No folder " + somewhere.resolve("fileserver").toAbsolutePath() + ".");
        assertThat(relink.out()).doesNotContain("accepted");
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    @Test
    void withLocalTheCommandRunsTheMigratorForItsOwnRunThenStopsItAndKeepsItsState(@TempDir Path state)
            throws Exception {
        CommandRun inspect = CommandRun.of(
                "inspect",
                "--local",
                "--state-dir",
                state.toString(),
                "--mongo",
                RunningSystem.ports().mongoUri(),
                "--mongo-database",
                DATABASE);

        assertThat(inspect.code()).as(inspect.out() + inspect.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(inspect.err()).contains("Starting the migrator on this host").contains("Stopped the local migrator");
        assertThat(inspect.out())
                .contains("URL prefixes the stored references start with")
                .containsPattern(Pattern.quote(OLD) + " +[1-9][0-9,]* +0");
        assertThat(LocalStack.recordedAlive(state))
                .as("processes still running")
                .isEmpty();
        try (var reports = Files.list(state.resolve("reports"))) {
            assertThat(reports.map(report -> report.getFileName().toString()))
                    .as("the report stays in the state folder")
                    .anyMatch(name -> name.startsWith("inspect-") && name.contains(inspect.migrationId()));
        }

        CommandRun detached = CommandRun.of("relink", "--local", "--detach", "--from", OLD + "/", "--to", NEW + "/");
        assertThat(detached.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(detached.err()).contains("--detach and --local do not go together");
    }

    @Test
    void anUnknownMigrationIsBadInputWithThePlannersSentence() {
        CommandRun status = CommandRun.of("status", "no-such-migration");

        assertThat(status.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(status.err()).contains("No migration has the id 'no-such-migration'");
    }

    @Test
    void theAskingCommandsAnswerAboutAFinishedMigrationAndRefuseWhatItCannotTake() throws Exception {
        CommandRun inspect =
                CommandRun.of("inspect", "--mongo", RunningSystem.ports().mongoUri(), "--mongo-database", DATABASE);
        assertThat(inspect.code()).as(inspect.out() + inspect.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = inspect.migrationId();
        assertThat(inspect.out()).containsPattern("mongo +model +[1-9]").contains("MongoDB ");

        assertThat(CommandRun.of("list").out()).contains(id);
        CommandRun status = CommandRun.of("status", id);
        assertThat(status.code()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(status.out()).contains("inspect " + id + "  SUCCEEDED");
        CommandRun watch = CommandRun.of("watch", id);
        assertThat(watch.code()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(watch.out()).containsPattern("mongo +model +").endsWith("Migration " + id + " SUCCEEDED.\n");
        CommandRun json = CommandRun.of("report", id, "--json");
        assertThat(new ObjectMapper()
                        .readTree(json.out())
                        .path("mongo")
                        .path("collections")
                        .isArray())
                .isTrue();

        CommandRun cancel = CommandRun.of("cancel", id);
        assertThat(cancel.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cancel.err()).isNotBlank();
        CommandRun retry = CommandRun.of("retry", id);
        assertThat(retry.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(retry.err()).isNotBlank();
    }

    @Test
    void aMigrationThatCannotRunIsExitCode3AndACancelledOneExitCode4() throws Exception {
        CommandRun failed = CommandRun.of("inspect", "--elastic", "127.0.0.1:" + ServiceFaults.freePort());
        assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.out()).contains("FAILED");

        // Elasticsearch answering at 2 kB/s: the inspect is still planning when the cancel comes. An inspect writes
        // nothing, so it holds no store for the tests after it.
        try (TcpFaultProxy slow =
                new TcpFaultProxy(RunningSystem.ports().elastic5(), Long.MAX_VALUE, 2_000, proxy -> {})) {
            CommandRun detached = CommandRun.of("inspect", "--elastic", "127.0.0.1:" + slow.port(), "--detach");
            assertThat(detached.code()).isEqualTo(ExitCode.SUCCEEDED);
            String id = detached.out().strip();

            CommandRun cancel = CommandRun.of("cancel", id);

            assertThat(cancel.out()).as(cancel.err()).contains("CANCELLED");
            assertThat(CommandRun.of("status", id).code()).isEqualTo(ExitCode.CANCELLED);
        }
    }

    @Test
    void badFlagsAreTheUsageCodeWithASentenceAndSubmitNothing() {
        String before = Migrations.newest();

        CommandRun missing =
                CommandRun.of("relink", "--mongo", RunningSystem.ports().mongoUri(), "--host-source", "old:8081");
        CommandRun unknown = CommandRun.of(
                "relink", "--mongo", RunningSystem.ports().mongoUri(), "--from", "a:1", "--to", "b:1", "--bogus");
        CommandRun refused = CommandRun.of(
                "copy-es", "--source", "a:9200", "--target", "b:9200", "--if-target-exists", "replace", "--detach");

        assertThat(missing.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("Missing required option").contains("--host-target");
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("Unknown option: '--bogus'");
        assertThat(refused.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("Option --if-target-exists must be one of fail, skip, overwrite");
        assertThat(Migrations.newest()).as("nothing was submitted").isEqualTo(before);
    }

    @Test
    void onATerminalTheBarsAreRedrawnInPlaceAndTheReportFollows() throws Exception {
        Path jar = Path.of("..", "cli", "target", "clearml-migrator.jar").toAbsolutePath();
        assumeTrue(Files.exists(jar), "the cli module is packaged before this module");
        assumeTrue(new ProcessBuilder("script", "--version").start().waitFor() == 0, "util-linux script gives a pty");
        String command = "java -jar " + jar + " copy-es --planner "
                + RunningSystem.ports().plannerUrl()
                + " --source " + RunningSystem.ports().elastic5Url() + " --target "
                + RunningSystem.ports().elastic7Url()
                + " --index " + TTY_LOGS + " --after-copy none --if-target-exists overwrite --max-docs-per-second 30";

        // script runs the command on a pseudo-terminal, so the command sees a terminal as an operator's shell gives it.
        Process onTerminal = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
                .redirectErrorStream(true)
                .start();
        String screen = new String(onTerminal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(onTerminal.waitFor()).as(screen).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(screen)
                .containsPattern("\u001b\\[\\d+F") // the cursor goes back up to redraw
                .containsPattern(TTY_LOGS + " +\\[#*\\.+\\] \\d+/" + LOG_LINES) // a bar under way
                .contains("verified")
                .contains("Migration ")
                .contains("SUCCEEDED.");
    }

    @Test
    void aRelinkWhoseStoresJournalIsForgottenKeepsItsLinksAndItsUndoIsRefusedSayingWhen() {
        String database = "cli_forget";
        new MongoSeeder(RunningSystem.ports().mongoUri())
                .seed(database, new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(3, 1, 12))).collections());
        try {
            CommandRun relink = relinkWithClearmlsFlags(database);
            assertThat(relink.code()).as(relink.out() + relink.err()).isEqualTo(ExitCode.SUCCEEDED);
            String id = relink.migrationId();
            List<String> relinked = modelUris(database);

            CommandRun looked = CommandRun.of("forget", id, "--stores", "--dry-run");
            assertThat(looked.code()).as(looked.out() + looked.err()).isEqualTo(ExitCode.SUCCEEDED);
            assertThat(looked.out())
                    .containsPattern("Stores: relink " + id + " keeps the previous values of [1-9][0-9]* documents in"
                            + " the migrator's database for its undo.");

            CommandRun forgotten = CommandRun.of("forget", id, "--stores");

            assertThat(forgotten.code()).as(forgotten.out() + forgotten.err()).isEqualTo(ExitCode.SUCCEEDED);
            assertThat(forgotten.out())
                    .containsPattern("Stores: the journal of relink " + id + " is forgotten: the previous values of"
                            + " [1-9][0-9]* documents removed from the migrator's database.");
            assertThat(CommandRun.of("report", id).out())
                    .contains("Stores: its journal was forgotten on ")
                    .contains("`undo` is refused.");
            CommandRun undo = CommandRun.of("undo", id);
            assertThat(undo.code()).as(undo.out() + undo.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(undo.err())
                    .contains("The journal of relink " + id + " was forgotten on ")
                    .contains("the values it changed can no longer be restored.");
            assertThat(modelUris(database)).isEqualTo(relinked).anyMatch(uri -> uri.startsWith(NEW + "/"));
        } finally {
            RunningSystem.dropDatabase(database);
        }
    }

    /** A relink of the database's references from the old file server to the new one, asked as ClearML's script is. */
    private static CommandRun relinkWithClearmlsFlags(String database) {
        return CommandRun.of(
                "relink",
                "--mongo-host",
                RunningSystem.ports().mongoUri(),
                "--mongo-database",
                database,
                "--host-source",
                OLD.substring("http://".length()),
                "--host-target",
                NEW.substring("http://".length()));
    }

    private static List<String> modelUris() {
        return modelUris(DATABASE);
    }

    private static List<String> modelUris(String database) {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            return client.getDatabase(database)
                    .getCollection("model")
                    .find()
                    .sort(new Document("_id", 1))
                    .map(model -> model.getString("uri"))
                    .into(new ArrayList<>());
        }
    }
}
