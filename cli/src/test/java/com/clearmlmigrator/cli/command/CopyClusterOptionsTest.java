package com.clearmlmigrator.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.clearmlmigrator.cli.ExitCode;

import picocli.CommandLine;

class CopyClusterOptionsTest {
    @Test
    void copyEsSendsBothClustersWithSchemesAndEveryNode() {
        CopyEsCommand copy =
                parsed("copy-es", "--source", "es5:9200", "--source", "es5b:9200", "--target", "https://es7:9200");

        assertThat(copy.request().toString())
                .startsWith("{\"kind\":\"es-copy\",\"source\":{\"hosts\":[\"http://es5:9200\",\"http://es5b:9200\"]},"
                        + "\"target\":{\"hosts\":[\"https://es7:9200\"]},");
    }

    @Test
    void copyEsSendsTheReplicasAskedForAndNoneWhenLeftOut() {
        CopyEsCommand oneNode = parsed("copy-es", "--source", "es5:9200", "--target", "es7:9200", "--replicas", "0");
        CopyEsCommand asSource = parsed("copy-es", "--source", "es5:9200", "--target", "es7:9200");

        assertThat(oneNode.request().path("replicas").isInt()).isTrue();
        assertThat(oneNode.request().path("replicas").asInt()).isZero();
        assertThat(asSource.request().has("replicas")).isFalse();
    }

    @Test
    void copyEsWithoutATargetIsAUsageErrorNamingBothFlags() {
        StringWriter err = new StringWriter();
        CommandLine command = ClearmlMigrator.commandLine().setErr(new PrintWriter(err));

        int code = command.execute("copy-es", "--source", "es5:9200", "--planner", "http://127.0.0.1:9");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--source").contains("--target");
    }

    @Test
    void aRetryGivesTheCopysClustersAgainAndNothingWhenNoneIsGiven() {
        RetryCommand again = parsed("retry", "abc", "--target", "es8:9200");
        RetryCommand bare = parsed("retry", "abc");

        assertThat(again.again.body().toString()).isEqualTo("{\"target\":{\"hosts\":[\"http://es8:9200\"]}}");
        assertThat(bare.again.body()).isNull();
    }

    @Test
    void aTargetUserWithoutItsPasswordIsAUsageErrorNamingTheVariable() {
        StringWriter err = new StringWriter();
        CommandLine command = ClearmlMigrator.commandLine().setErr(new PrintWriter(err));

        int code = command.execute(
                "undo", "abc", "--target", "es8:9200", "--target-user", "elastic", "--planner", "http://127.0.0.1:9");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("CLEARML_MIGRATOR_TARGET_PASSWORD");
    }

    private static <T> T parsed(String... args) {
        CommandLine.ParseResult parsed = ClearmlMigrator.commandLine().parseArgs(args);
        return parsed.subcommand().commandSpec().commandLine().getCommand();
    }
}
