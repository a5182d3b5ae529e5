package com.clearmlmigrator.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.clearmlmigrator.cli.ExitCode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;

class RelinkCommandTest {
    @Test
    void clearmlsOwnFlagsMakeTheSameRequestAsOurs() {
        ObjectNode clearmlWay = request(
                "--mongo-host",
                "mongodb://mongo:27017",
                "--elastic-host",
                "elasticsearch:9200",
                "--host-source",
                "old-host:8081",
                "--host-target",
                "new-host:8081",
                "--datasets");
        ObjectNode ourWay = request(
                "--mongo", "mongodb://mongo:27017",
                "--elastic", "http://elasticsearch:9200",
                "--from", "http://old-host:8081",
                "--to", "http://new-host:8081",
                "--include", "artifact-previews,hyperparams");

        assertThat(clearmlWay).isEqualTo(ourWay);
        assertThat(clearmlWay.toString())
                .isEqualTo(
                        "{\"kind\":\"relink\",\"mongo\":{\"uri\":\"mongodb://mongo:27017\",\"database\":\"backend\"},"
                                + "\"elastic\":{\"hosts\":[\"http://elasticsearch:9200\"]},\"from\":\"http://old-host:8081\","
                                + "\"to\":\"http://new-host:8081\",\"include\":[\"artifact-previews\",\"hyperparams\"]}");
    }

    @Test
    void aNewPrefixExtendingTheOldOneIsExplainedWithHowToMoveOldReferencesAlreadyUnderIt() {
        assertThat(RelinkCommand.nestedPrefixNotice("s3://bucket/", "s3://bucket/clearml/"))
                .hasValue("Note: s3://bucket/clearml extends s3://bucket, so values that already start with"
                        + " s3://bucket/clearml count as relinked and are left alone (running this relink again changes"
                        + " nothing). If some of them are old references that moved too (everything under s3://bucket"
                        + " went under clearml/), relink those first: --from s3://bucket/clearml --to"
                        + " s3://bucket/clearml/clearml.");
    }

    @ParameterizedTest
    @CsvSource({"http://files:8081, http://files:80810", "s3://bucket/clearml, s3://bucket", "http://old, http://new"})
    void noNoticeWhenTheNewPrefixDoesNotExtendTheOldOne(String from, String to) {
        assertThat(RelinkCommand.nestedPrefixNotice(from, to)).isEmpty();
    }

    @Test
    void aBareMongoHostIsAMongodbUriAsPymongoTakesItInClearmlsScript() {
        ObjectNode request = request("--mongo-host", "mongo:27017", "--host-source", "a:1", "--host-target", "b:1");

        assertThat(request.path("mongo").path("uri").asText()).isEqualTo("mongodb://mongo:27017");
    }

    @Test
    void prefixesWithASchemeAreKeptAsGivenAndADryRunAndExtraFieldsGoAlong() {
        ObjectNode request = request(
                "--elastic",
                "https://es.example.com:9200",
                "--from",
                "s3://old-bucket/",
                "--to",
                "gs://new-bucket/",
                "--dry-run",
                "--extra-field",
                "task:runtime.data_root");

        assertThat(request.path("from").asText()).isEqualTo("s3://old-bucket/");
        assertThat(request.path("to").asText()).isEqualTo("gs://new-bucket/");
        assertThat(request.path("dryRun").asBoolean()).isTrue();
        assertThat(request.path("extraFields").get(0).asText()).isEqualTo("task:runtime.data_root");
        assertThat(request.has("mongo")).isFalse();
    }

    @Test
    void aRelinkWithoutAnyStoreIsAUsageErrorSayingWhatToGive() {
        StringWriter err = new StringWriter();
        CommandLine command = ClearmlMigrator.commandLine().setErr(new PrintWriter(err));

        int code = command.execute("relink", "--from", "a:1", "--to", "b:1", "--planner", "http://127.0.0.1:9");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("Give --mongo, --elastic or both.");
    }

    @ParameterizedTest
    @CsvSource({"--datasets, true", "--dry-run, false"})
    void clearmlsDatasetsFlagWithoutTheFileServerFolderSaysWhereTheExternalLinksAre(String flag, boolean noted)
            throws Exception {
        // On a host with ClearML's file server folder, the command names that folder instead (StateFileOptionsTest).
        org.junit.jupiter.api.Assumptions.assumeTrue(
                StateFileOptions.USUAL_FOLDERS.stream().noneMatch(java.nio.file.Files::isDirectory));
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        StringWriter err = new StringWriter();
        CommandLine command = ClearmlMigrator.commandLine().setErr(new PrintWriter(err));

        command.execute(
                "relink",
                "--mongo-host",
                "mongo:27017",
                "--host-source",
                "a:1",
                "--host-target",
                "b:1",
                flag,
                "--planner",
                "http://127.0.0.1:" + closed);

        assertThat(err.toString().contains(RelinkCommand.DATASETS_WITHOUT_FOLDER))
                .isEqualTo(noted);
    }

    @Test
    void anElasticUserWithoutAPasswordAnywhereIsAUsageErrorNamingTheVariable() {
        StringWriter err = new StringWriter();
        CommandLine command = ClearmlMigrator.commandLine().setErr(new PrintWriter(err));

        int code = command.execute(
                "relink", "--elastic", "es:9200", "--elastic-user", "elastic", "--from", "a:1", "--to", "b:1");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("set CLEARML_MIGRATOR_ELASTIC_PASSWORD");
    }

    private static ObjectNode request(String... args) {
        CommandLine command = ClearmlMigrator.commandLine();
        CommandLine.ParseResult parsed = command.parseArgs(prepend("relink", args));
        RelinkCommand relink = parsed.subcommand().commandSpec().commandLine().getCommand();
        return relink.request();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
