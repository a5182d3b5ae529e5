package com.clearmlmigrator.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;

class CliWordingTest {
    @Test
    void aRequestFieldIsNamedByTheFlagTheUserTyped() {
        assertThat(wordingOf("copy-es")
                        .apply("Field 'maxDocsPerSecond' must be between 1 and 10000000; leave it out for no limit."))
                .isEqualTo("Option --max-docs-per-second must be between 1 and 10000000; leave it out for no limit.");
        assertThat(wordingOf("relink").apply("Field 'from' must be an http:// or https:// URL with a host."))
                .isEqualTo("Option --from must be an http:// or https:// URL with a host.");
        assertThat(wordingOf("relink").apply("Unknown 'include' group 'bogus'."))
                .isEqualTo("Unknown --include group 'bogus'.");
        assertThat(wordingOf("copy-es").apply("or name in 'indices' only those to copy."))
                .isEqualTo("or name in --index only those to copy.");
        assertThat(wordingOf("relink")
                        .apply(
                                "Field 'elastic.hosts[0]' must be an http:// or https:// URL with a host and port only, for"
                                        + " example http://elasticsearch:9200; put credentials in 'elastic.username' and"
                                        + " 'elastic.password'."))
                .isEqualTo("Option --elastic must be an http:// or https:// URL with a host and port only, for example"
                        + " http://elasticsearch:9200; put credentials in --elastic-user and --elastic-password.");
        assertThat(wordingOf("copy-es")
                        .apply(
                                "Field 'target.hosts[0]' must be an http:// or https:// URL with a host and port only, for"
                                        + " example http://elasticsearch:9200; put credentials in 'target.username' and"
                                        + " 'target.password'."))
                .as("a copy's passwords have no flag: they are read from the environment")
                .isEqualTo("Option --target must be an http:// or https:// URL with a host and port only, for example"
                        + " http://elasticsearch:9200; put credentials in --target-user and"
                        + " CLEARML_MIGRATOR_TARGET_PASSWORD.");
        assertThat(wordingOf("relink").apply("Fields 'from' and 'to' are the same URL; there is nothing to relink."))
                .isEqualTo("Options --from and --to are the same URL; there is nothing to relink.");
    }

    @Test
    void aFieldTheCommandHasNoFlagForKeepsItsName() {
        // upgrade-elastic sets ifTargetExists itself: its user has no --if-target-exists to give.
        String sentence = "remove them, or set \"ifTargetExists\" to \"skip\" or \"overwrite\".";

        assertThat(wordingOf("upgrade-elastic").apply(sentence)).isEqualTo(sentence);
        assertThat(wordingOf("copy-es").apply(sentence))
                .isEqualTo("remove them, or set --if-target-exists to \"skip\" or \"overwrite\".");
    }

    @Test
    void anUpgradeRefusedByTheShardLimitIsToldWhatItCanDoRatherThanACallItsNodeNeverTakes() {
        String sentence =
                "The target allows 1000 open shards (cluster.max_shards_per_node times its data nodes) and has"
                        + " 0; the copy would add 1200 (1200 primaries and 0 replicas of the new indices). Raise"
                        + " cluster.max_shards_per_node (PUT _cluster/settings), add data nodes, remove indices the target no"
                        + " longer needs, or copy fewer indices at a time.";

        assertThat(wordingOf("upgrade-elastic").apply(sentence))
                .startsWith("The target allows 1000 open shards")
                .contains("would add 1200")
                .endsWith("(--leave-behind INDEX), or delete them while the old server still runs, then run the"
                        + " upgrade again (docs/operations.md, \"A folder of very many indices\").")
                .doesNotContain("PUT _cluster/settings");
        assertThat(wordingOf("copy-es").apply(sentence)).isEqualTo(sentence);
    }

    @Test
    void theKeysOfAJsonExampleAndOtherQuotedWordsStay() {
        String example = "for example \"source\": {\"hosts\": [\"http://old-elastic:9200\"]}. ClearML uses 'backend'.";

        assertThat(wordingOf("copy-es").apply(example)).isEqualTo(example);
    }

    @Test
    void anEndpointBecomesTheCommandThatCallsIt() {
        assertThat(wordingOf("relink")
                        .apply("Another migration writes there; wait for it to end or cancel it with POST"
                                + " /migrations/9c1e0f/cancel."))
                .isEqualTo("Another migration writes there; wait for it to end or cancel it with `clearml-migrator"
                        + " cancel 9c1e0f`.");
        assertThat(wordingOf("report")
                        .apply("Not run, because task t1 failed; POST /migrations/9c1e0f/retry runs both."))
                .isEqualTo("Not run, because task t1 failed; `clearml-migrator retry 9c1e0f` runs both.");
    }

    /** The migrator of a --local run stopped with it: the next command must start it again. */
    @Test
    void afterALocalRunTheCommandsStartTheMigratorAgain() {
        CommandLine line = ClearmlMigrator.commandLine();
        line.parseArgs("report", "9c1e0f", "--local");

        assertThat(CliWording.of(line.getSubcommands().get("report").getCommandSpec())
                        .apply("Lift the block. Then retry the migration: POST /migrations/9c1e0f/retry. GET"
                                + " /migrations/9c1e0f shows it."))
                .isEqualTo("Lift the block. Then retry the migration: `clearml-migrator retry 9c1e0f --local`."
                        + " `clearml-migrator status 9c1e0f --json --local` shows it.");
    }

    /** upgrade-elastic's copy runs between nodes that stop with it: only the upgrade run again goes on. */
    @Test
    void inAnUpgradeARetryIsTheUpgradeRunAgain() {
        assertThat(wordingOf("upgrade-elastic")
                        .apply("Lift the block. Then retry the migration: POST /migrations/9c1e0f/retry."))
                .isEqualTo("Lift the block. Then retry the migration: the same `clearml-migrator upgrade-elastic`"
                        + " command again (it starts the new folder over).");
    }

    @Test
    void aReadOfTheApiBecomesTheCommandThatShowsTheSame() {
        assertThat(wordingOf("status").apply("No migration has the id 'x1'. GET /migrations lists them."))
                .isEqualTo("No migration has the id 'x1'. `clearml-migrator list` lists them.");
        assertThat(wordingOf("relink")
                        .apply("Migration 9c1e0f was cancelled; try again once GET /migrations/9c1e0f shows"
                                + " tasks.pending 0."))
                .isEqualTo("Migration 9c1e0f was cancelled; try again once `clearml-migrator status 9c1e0f --json`"
                        + " shows tasks.pending 0.");
    }

    @Test
    void connectionsAskedForAgainAreAskedForOnTheCommandLine() {
        assertThat(wordingOf("retry")
                        .apply("Migration 9c1e0f used MongoDB credentials, which are never stored; send the 'mongo'"
                                + " connection again in the request body."))
                .isEqualTo("Migration 9c1e0f used MongoDB credentials, which are never stored; send the --mongo"
                        + " connection again on the command line.");
    }

    @Test
    void aNoticeOfAStoreThatDoesNotAnswerEndsWithTheCommandThatRetriesTheMigration() {
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        snapshot.put("status", "RUNNING");
        snapshot.put(
                "notice",
                "4 tasks wait for a store that does not answer, for 100 s (attempt 7 of at most 8): MongoDB at mongo:27017 is"
                        + " unreachable. Once it answers they go on. A task that runs out of retries fails, and the"
                        + " other tasks of this migration then try once at most; once the store is back, retry the migration:"
                        + " POST /migrations/m-1/retry.");

        JsonNode worded = wordingOf("relink").notice(snapshot);

        assertThat(worded.path("notice").asText())
                .endsWith("once the store is back, retry the migration: `clearml-migrator retry m-1`.");
        assertThat(worded.path("status").asText()).isEqualTo("RUNNING");
        assertThat(snapshot.path("notice").asText())
                .as("the planner's snapshot as it came")
                .contains("POST");
        assertThat(wordingOf("relink").notice(JsonNodeFactory.instance.objectNode()))
                .as("nothing to word")
                .isEmpty();
    }

    private static CliWording wordingOf(String command) {
        return CliWording.of(
                ClearmlMigrator.commandLine().getSubcommands().get(command).getCommandSpec());
    }
}
