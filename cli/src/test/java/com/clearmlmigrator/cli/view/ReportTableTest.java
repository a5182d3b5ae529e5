package com.clearmlmigrator.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.clearmlmigrator.cli.planner.PlannerClient;

class ReportTableTest {
    private static final CliWording COPY_ES = CliWording.of(
            ClearmlMigrator.commandLine().getSubcommands().get("copy-es").getCommandSpec());
    private static final String TASK_FIELDS = "{\"store\":\"mongo\",\"target\":\"task\",\"fields\":["
            + "{\"field\":\"execution.artifacts.*.uri\",\"scanned\":100,\"matched\":40,\"changed\":%d,\"remaining\":%d},"
            + "{\"field\":\"report\",\"scanned\":100,\"matched\":3,\"changed\":%d,\"remaining\":%d}]}";

    @Test
    void aRelinkShowsPerTargetWhatItScannedChangedAndLeft() throws Exception {
        String table = print("{\"dryRun\":false,\"targets\":[" + String.format(TASK_FIELDS, 40, 0, 3, 0) + "]}");

        assertThat(table).containsPattern("mongo +task +100 +43 +0 +0").doesNotContain("Dry run");
    }

    @Test
    void aDryRunShowsWhatItWouldChangeWhichIsWhatItMatchedAndWhereToSeeWhatItLeavesAlone() throws Exception {
        // The report text holds 5 references in 3 values: a relink rewrites 3 values, and 45 references remain now.
        String table = print("{\"dryRun\":true,\"targets\":[" + String.format(TASK_FIELDS, 0, 40, 0, 5) + "]}");

        assertThat(table)
                .contains("would change")
                .containsPattern("mongo +task +100 +43 +45 +0")
                .contains("Dry run")
                .contains("left alone unless --include names it");
    }

    @Test
    void aRelinkThatMatchedNothingAnywhereSaysWhereToCompareItsPrefix() throws Exception {
        String nothing = print("{\"from\":\"http://files.old.lan:8081/\",\"dryRun\":true,\"targets\":["
                + String.format(
                        TASK_FIELDS
                                .replace("\"matched\":40", "\"matched\":0")
                                .replace("\"matched\":3", "\"matched\":0"),
                        0,
                        0,
                        0,
                        0)
                + "]}");
        String something = print("{\"from\":\"http://files.old.lan:8081/\",\"dryRun\":true,\"targets\":["
                + String.format(TASK_FIELDS, 0, 40, 0, 5) + "]}");

        assertThat(nothing)
                .contains("Nothing matched http://files.old.lan:8081/.")
                .contains("`clearml-migrator inspect` lists");
        assertThat(something).doesNotContain("Nothing matched");
    }

    @Test
    void aRelinkRunAgainSaysTheStoresLookRelinkedAndOneThatChangedSomethingCountsWhatWasDone() throws Exception {
        String fields = "{\"store\":\"mongo\",\"target\":\"model\",\"fields\":[{\"field\":\"uri\",\"scanned\":9,"
                + "\"matched\":%d,\"changed\":%d,\"remaining\":0,\"alreadyNew\":%d}]}";
        String head = "{\"from\":\"http://files.old.lan:8081/\",\"to\":\"https://files.example.com/\","
                + "\"dryRun\":false,\"targets\":[";

        String again = print(head + String.format(fields, 0, 0, 1200) + "]}");
        String partly = print(head + String.format(fields, 7, 7, 2) + "]}");

        assertThat(again)
                .contains("Nothing matched http://files.old.lan:8081/, and 1,200 references already hold"
                        + " https://files.example.com/: the stores look relinked already.")
                .doesNotContain("inspect");
        assertThat(partly)
                .contains("2 references already held https://files.example.com/ and were left as they are.")
                .doesNotContain("Nothing matched");
    }

    @Test
    void aCopyShowsWhatItChangedInAnIndexsMappingsUnderItsTable() throws Exception {
        String printed = print(
                "es-copy",
                "{\"indices\":[{\"index\":\"events-training_stats_scalar-c1\","
                        + "\"documents\":3,\"copied\":3,\"checksumMatch\":true,"
                        + "\"mappingChanges\":[\"metric is mapped as keyword\"]},"
                        + "{\"index\":\"events-log-c1\",\"documents\":3,\"copied\":3,\"checksumMatch\":true,"
                        + "\"mappingChanges\":[]}],\"skipped\":[],"
                        + "\"notes\":[\"The target has 1 data node ... Set \\\"replicas\\\" to 0 to copy them.\"]}");

        assertThat(printed)
                .contains("events-training_stats_scalar-c1: metric is mapped as keyword")
                .doesNotContain("events-log-c1:")
                .contains("Note: The target has 1 data node ... Set --replicas to 0 to copy them.");
    }

    @Test
    void anInspectNamesTheIndicesWhoseClearmlFieldsAreTextAndWhatMapsThemAsKeyword() throws Exception {
        String printed = print(
                "inspect",
                "{\"elastic\":{\"indices\":["
                        + "{\"index\":\"events-training_stats_scalar-c1\",\"documents\":3,\"sizeBytes\":10,"
                        + "\"textFields\":[\"metric\",\"variant\"]},"
                        + "{\"index\":\"events-log-c1\",\"documents\":3,\"sizeBytes\":10,\"textFields\":[]}]},"
                        + "\"urlPrefixes\":[]}");

        assertThat(printed)
                .contains("ClearML issue #233")
                .containsPattern("events-training_stats_scalar-c1 +metric, variant")
                .doesNotContainPattern("events-log-c1 +\\S*,");
    }

    @Test
    void anInspectListsEveryUrlPrefixWithItsCountsPerStoreWhereItIsAndWhatARelinkMustIncludeForIt() throws Exception {
        String printed = print(
                "inspect",
                "{\"mongo\":{\"collections\":[{\"collection\":\"task\",\"documents\":600,"
                        + "\"sizeBytes\":1000}]},\"urlPrefixes\":["
                        + "{\"prefix\":\"http://files.old.lan:8081\",\"mongo\":1200,\"elastic\":5400,\"fields\":"
                        + "{\"events-plot-*: plot_data\":5400,\"task: execution.artifacts.*.uri\":1200}},"
                        + "{\"prefix\":\"s3://old-bucket\",\"mongo\":10,\"elastic\":0,\"fields\":"
                        + "{\"model: metadata.*.value\":3,\"model: uri\":7},"
                        + "\"optIn\":{\"model: metadata.*.value\":\"metadata\"}}]}");

        assertThat(printed)
                .containsPattern("http://files.old.lan:8081 +1,200 +5,400")
                .containsPattern("s3://old-bucket +10 +0")
                .containsPattern("events-plot-\\*: plot_data +5,400\n")
                .containsPattern("model: uri +7\n")
                .containsPattern("model: metadata\\.\\*\\.value +3  --include metadata\n");
    }

    @Test
    void aCopyReportShowsClearmlsLongestIndexNamesWholeInOneAlignedColumn() throws Exception {
        // 62 characters: the longest of ClearML's event index names, with its 32-character company id.
        String longest = "events-training_stats_scalar-d1bd92a3b039400cbafc60a7a5b1e52b";
        String printed = print(
                "es-copy",
                "{\"indices\":[{\"index\":\"" + longest + "\",\"documents\":36600,"
                        + "\"copied\":36600,\"checksumMatch\":true},{\"index\":\"events-log-d1\",\"documents\":9,"
                        + "\"copied\":9,\"checksumMatch\":true}],\"skipped\":[]}");

        List<String> lines = printed.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines.get(1)).startsWith(longest + " ");
        assertThat(lines.get(0).indexOf("verified") + "verified".length())
                .as("the column of counts starts after the longest name, in every row")
                .isEqualTo(lines.get(1).indexOf("yes") + "yes".length())
                .isEqualTo(lines.get(2).indexOf("yes") + "yes".length());
    }

    @Test
    void anInspectShowsAUrlPrefixWholeHoweverLongSinceARelinksFromNamesIt() throws Exception {
        String prefix = "azure://clearmlexperimentsstorage01.blob.core.windows.net/clearml-artifacts-production";
        String printed = print(
                "inspect",
                "{\"urlPrefixes\":[{\"prefix\":\"" + prefix + "\",\"mongo\":3,"
                        + "\"elastic\":0,\"fields\":{\"model: uri\":3}}]}");

        assertThat(printed).containsPattern("\n" + Pattern.quote(prefix) + " +3 +0\n");
    }

    @Test
    void anInspectThatFoundNoReferencesSaysSo() throws Exception {
        String printed = print("inspect", "{\"urlPrefixes\":[]}");

        assertThat(printed).contains("No stored URL references found.");
    }

    @Test
    void failuresAreListedWithTheirReason() throws Exception {
        String table = print("{\"targets\":[],\"failures\":[{\"target\":\"model\",\"reason\":\"TARGET_UNAVAILABLE\","
                + "\"detail\":\"MongoDB at mongodb://m:27017 is unreachable.\"}]}");

        assertThat(table)
                .contains("1 failed task(s):")
                .contains("model (TARGET_UNAVAILABLE): MongoDB at mongodb://m:27017 is unreachable.");
    }

    @Test
    void partsOfOneTargetThatFailedAlikeAreOneLineWithTheirNumber() throws Exception {
        String away = "{\"target\":\"events-plot-1\",\"reason\":\"TARGET_UNAVAILABLE\",\"detail\":\"Elasticsearch at"
                + " [http://e:9200] did not answer in time.\"}";
        String table = print("{\"targets\":[],\"failures\":[" + away + "," + away + ","
                + away.replace("plot-1", "plot-2") + "," + away + "]}");

        assertThat(table)
                .contains("4 failed task(s):\n"
                        + "  events-plot-1 (TARGET_UNAVAILABLE, 3 tasks): Elasticsearch at [http://e:9200] did not"
                        + " answer in time.\n"
                        + "  events-plot-2 (TARGET_UNAVAILABLE): Elasticsearch at [http://e:9200] did not answer in"
                        + " time.\n");
    }

    @Test
    void theErrorAndTheFailuresAreInTheWordsOfTheCommandLine() throws Exception {
        String table = print(
                "{\"targets\":[],\"error\":\"Pre-flight failed; nothing was written. The target already"
                        + " has 2 of these indices (a, b); remove them, or set \\\"ifTargetExists\\\" to \\\"skip\\\" or"
                        + " \\\"overwrite\\\".\",\"failures\":[{\"target\":\"events-log-1\",\"reason\":\"TARGET_REJECTED\","
                        + "\"detail\":\"The index is write-blocked. Then retry the migration: POST /migrations/4f2a/retry.\"}]}");

        assertThat(table)
                .contains("remove them, or set --if-target-exists to \"skip\" or \"overwrite\".")
                .contains("Then retry the migration: `clearml-migrator retry 4f2a`.");
    }

    @Test
    void aCancelledRelinkSaysWhichPartsDidNotEndAndHowToGoOn() throws Exception {
        assertThat(print(relinkOf16Parts("\"skipped\":10")))
                .contains("10 of 16 parts did not run to the end (the migration was cancelled)")
                .contains("`clearml-migrator undo 4f2a` restores what was changed");
        assertThat(print(relinkOf16Parts("\"skipped\":0"))).doesNotContain("did not run to the end");
    }

    @Test
    void aRelinkWithFailedPartsSaysTheTableCountsWhatTheyChangedBeforeAndNotWhatTheyDidNotRead() throws Exception {
        assertThat(print(relinkOf16Parts("\"failed\":3")))
                .contains("3 of 16 parts failed: the table counts what they changed before they failed, and"
                        + " 'remaining' leaves out what they did not read.");
        assertThat(print(relinkOf16Parts("\"failed\":0"))).doesNotContain("parts failed");
    }

    /** A relink's report of 16 parts, {@code ended} saying how some of them ended. */
    private static String relinkOf16Parts(String ended) {
        return "{\"id\":\"4f2a\",\"dryRun\":false,\"tasks\":{\"total\":16," + ended + "},\"targets\":["
                + String.format(TASK_FIELDS, 40, 0, 3, 0) + "]}";
    }

    @Test
    void aCancelledCopySaysThatAnIndexNotVerifiedMayBePartCopiedAndThatSkipCopiesItAgain() throws Exception {
        String printed = print(
                "es-copy",
                "{\"tasks\":{\"total\":45,\"skipped\":38},\"indices\":[{\"index\":"
                        + "\"events-log-a\",\"documents\":6000,\"copied\":1000,\"checksumMatch\":null}],"
                        + "\"skipped\":[]}");

        assertThat(printed)
                .containsPattern("events-log-a +6,000 +1,000 +-")
                .contains("38 of 45 parts did not run to the end (the migration was cancelled): an index not verified"
                        + " ('-') may be part-copied")
                .contains("--if-target-exists skip copies those again");
    }

    @Test
    void aCopyWhosePreflightFailedShowsItsErrorWithoutAnEmptyTable() throws Exception {
        String printed = print(
                "es-copy",
                "{\"indices\":[],\"skipped\":[],\"error\":\"Pre-flight failed; nothing"
                        + " was written. The target runs Elasticsearch 6.8.0; es-copy writes to 7.x and 8.x.\"}");

        assertThat(printed)
                .doesNotContain("documents")
                .contains("Error: Pre-flight failed; nothing was written. The target runs Elasticsearch 6.8.0");
    }

    private static String print(String report) throws Exception {
        return print("relink", report);
    }

    private static String print(String kind, String report) throws Exception {
        StringWriter out = new StringWriter();
        ReportTable.print(kind, PlannerClient.JSON.readTree(report), new PrintWriter(out), COPY_ES);
        return out.toString();
    }
}
