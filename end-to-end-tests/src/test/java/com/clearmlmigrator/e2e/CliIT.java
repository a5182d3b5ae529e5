package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import picocli.CommandLine;

/** The clearml-migrator command against the whole system, with the flags of ClearML's own script. */
@ExtendWith(RunningSystem.class)
class CliIT {
    /** A database of its own, so no other test's migration holds it. */
    private static final String DATABASE = "cli_backend";

    private static final String OLD = DatasetSpec.DEFAULT_FILE_SERVER;
    private static final String NEW = "http://files.example.com:8081";

    @BeforeAll
    static void seedADatabaseOfItsOwn() {
        new MongoSeeder(RunningSystem.ports().mongoUri())
                .seed(DATABASE, new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(7, 1, 12))).collections());
    }

    @AfterAll
    static void dropIt() {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            client.getDatabase(DATABASE).drop();
        }
    }

    @Test
    void aRelinkWithClearmlsFlagsFollowsToTheEndAndItsUndoRestoresEveryUri() {
        List<String> before = modelUris();
        // The synthetic models also point at buckets, local files and a look-alike port (:80810), which stay.
        List<String> expected = before.stream()
                .map(uri -> uri.startsWith(OLD + "/") ? NEW + uri.substring(OLD.length()) : uri)
                .toList();
        assertThat(expected).isNotEqualTo(before);

        Run relink = run(
                "relink",
                "--mongo-host",
                RunningSystem.ports().mongoUri(),
                "--mongo-database",
                DATABASE,
                "--host-source",
                OLD.substring("http://".length()),
                "--host-target",
                NEW.substring("http://".length()));

        assertThat(relink.code()).as(relink.out() + relink.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = relink.migrationId();
        assertThat(relink.out())
                .contains("relink " + id + "  RUNNING")
                .containsPattern("mongo model +[0-9,]+ +[1-9][0-9,]* +0 +0")
                .endsWith("Migration " + id + " SUCCEEDED.\n");
        assertThat(modelUris()).isEqualTo(expected);

        Run undo = run("undo", id);

        assertThat(undo.code()).as(undo.out() + undo.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(modelUris()).isEqualTo(before);
        Run report = run("report", id);
        assertThat(report.code()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(report.out()).contains("mongo model");
    }

    @Test
    void anUnknownMigrationIsBadInputWithThePlannersSentence() {
        Run status = run("status", "no-such-migration");

        assertThat(status.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(status.err()).contains("No migration has the id 'no-such-migration'");
    }

    private record Run(int code, String out, String err) {
        String migrationId() {
            Matcher accepted = Pattern.compile("Migration (\\S+) accepted").matcher(out);
            assertThat(accepted.find()).as(out).isTrue();
            return accepted.group(1);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command =
                ClearmlMigrator.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        String[] withPlanner = new String[args.length + 2];
        System.arraycopy(args, 0, withPlanner, 0, args.length);
        withPlanner[args.length] = "--planner";
        withPlanner[args.length + 1] = RunningSystem.ports().plannerUrl();
        int code = command.execute(withPlanner);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> modelUris() {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            return client.getDatabase(DATABASE)
                    .getCollection("model")
                    .find()
                    .sort(new Document("_id", 1))
                    .map(model -> model.getString("uri"))
                    .into(new ArrayList<>());
        }
    }
}
