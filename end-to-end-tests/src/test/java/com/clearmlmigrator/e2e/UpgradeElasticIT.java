package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.UpgradeCommand.checksums;
import static com.clearmlmigrator.e2e.UpgradeCommand.sibling;
import static com.clearmlmigrator.e2e.UpgradeCommand.siblings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.localservers.ElasticRelease;
import com.clearmlmigrator.localservers.FolderNode;
import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.RepoLayout;
import com.clearmlmigrator.localservers.StackOptions;
import com.clearmlmigrator.localservers.StackPorts;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code upgrade-elastic} as an operator of trains-server 0.15 runs it: a data folder written by Elasticsearch 5.6 as
 * their compose ran it (cluster and node {@code trains}), with the traces of the X-Pack that Elastic's image bundled.
 * The command refuses a folder in use, fails a copy without renaming anything, then completes when run again; the new
 * folder opens in a fresh node with every document; and that folder moves on to Elasticsearch 8 as ClearML 1.17 asks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// First: the longest classes, so the lane beside the running system is busy from the start.
@Order(1)
@OwnServers
class UpgradeElasticIT {
    private static final Duration STOP_GRACE = Duration.ofMinutes(1);
    private static final List<String> XPACK_INDICES = List.of(".monitoring-es-6-2020.08.01", ".security", ".watches");

    @TempDir
    static Path work;

    private static LocalStack nodes;
    private static Path old;
    private static FolderNode oldServer;
    /** Every ClearML index of the old folder, by id: routing and source. */
    private static final Map<String, Map<String, JsonNode>> DOCUMENTS = new TreeMap<>();

    private static List<String> templates;
    /** The old folder's files and their SHA-256, as the first upgrade finds it. */
    private static Map<String, String> originalFiles;

    private static String closedIndex;

    @BeforeAll
    static void anOldServersFolderWhileItRuns() throws IOException {
        nodes = new LocalStack(
                RepoLayout.locate(), StackPorts.free(), StackOptions.forTests(), work.resolve("fixture-state"));
        old = Files.createDirectories(work.resolve("trains/data/elastic"));
        oldServer = node("trains-elastic", ElasticRelease.ES_5_6_16, old, "trains");
        nodes.startElasticOnFolder(oldServer);
        ElasticHttp es5 = new ElasticHttp(oldServer.url());
        new ElasticSeeder(oldServer.url())
                .seed(
                        ElasticEra.ES5,
                        new EventDataset(ClearmlWorld.generate(DatasetSpec.of(21, 2, 4)), ElasticEra.ES5).documents());
        for (String index : XPACK_INDICES) {
            es5.put("/" + index + "/doc/1?refresh=true", "{\"kept\":\"by X-Pack\"}");
        }
        // ClearML's templates of the 5.6 era set no replicas: each index has Elasticsearch's default of one, which the
        // one node never places.
        es5.put("/events-*,worker_stats_*,queue_metrics_*/_settings", "{\"index\":{\"number_of_replicas\":1}}");
        for (JsonNode index : es5.get("/_cat/indices?format=json&h=index")) {
            String name = index.path("index").asText();
            if (!name.startsWith(".")) {
                DOCUMENTS.put(name, es5.documents(name));
            }
        }
        templates = CopyAssertions.templateNamesOf5(es5);
        closedIndex = DOCUMENTS.keySet().stream()
                .filter(name -> name.startsWith("events-log-"))
                .findFirst()
                .orElseThrow();
        es5.post("/" + closedIndex + "/_close", "");
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
        LocalStack.stopRecorded(work.resolve("state")); // what a killed run of a failed test left
    }

    @Test
    @Order(1)
    void aFolderInUseAndATargetNotEmptyAreRefusedAtOnceAndNothingIsWritten() throws IOException {
        Path target = Files.createDirectories(work.resolve("trains/data/elastic_7"));
        Files.writeString(target.resolve("notes.txt"), "the operator's");

        UpgradeCommand.Run refused = upgrade("-s", old.toString());

        assertThat(refused.code()).as(refused.out()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.out())
                .contains("Found data of Elasticsearch 5.6.16 in " + old)
                .contains("The upgrade cannot start; nothing was written:")
                .contains("still has " + old + " open")
                .contains("The new folder " + target + " is not empty");
        assertThat(siblings(old)).containsExactlyInAnyOrder("elastic", "elastic_7");
        assertThat(logs())
                .singleElement()
                .satisfies(log -> assertThat(Files.readString(log)).contains("nothing was written"));

        Files.delete(target.resolve("notes.txt"));
        nodes.stop(oldServer.name(), STOP_GRACE);
        XPackTraces.add(old);
        originalFiles = checksums(old);
    }

    @Test
    @Order(2)
    void aCopyThatFailsRenamesNothingAndSaysWhichIndexAndWhy() {
        UpgradeCommand.Run failed = upgrade("-s", old.toString());

        assertThat(failed.code()).as(failed.out()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.out())
                .contains(closedIndex)
                .contains("The upgrade did not complete: nothing was renamed")
                .contains("run the same command again");
        assertNothingRenamedAndNothingLeftRunning();
    }

    /**
     * The copy runs between two nodes that end with the command: one the command leaves, stopped (Ctrl-C) or killed, is
     * cancelled, never left to resume against nodes that are gone. A killed run's nodes and migrator, still running and
     * holding the old folder, are stopped by the next run rather than taken for a ClearML server.
     */
    @Test
    @Order(3)
    void aRunStoppedMidCopyCancelsItsCopyAndTheRunAfterAKillCancelsTheOneItLeftOpen() throws Exception {
        // The cause of the failure before, fixed.
        nodes.startElasticOnFolder(oldServer);
        new ElasticHttp(oldServer.url()).post("/" + closedIndex + "/_open", "");
        nodes.stop(oldServer.name(), STOP_GRACE);
        String leftOpen;
        try (UpgradeProcess killed = UpgradeProcess.start(work, "-s", old.toString())) {
            leftOpen = killed.awaitCopying();
            killed.freezeElasticWorkers();
            killed.kill();
        }

        try (UpgradeProcess interrupted = UpgradeProcess.start(work, "-s", old.toString())) {
            String copy = interrupted.awaitCopying();
            interrupted.freezeElasticWorkers();
            interrupted.interrupt();
            interrupted.thawElasticWorkers();

            assertThat(interrupted.awaitExit())
                    .as("an interrupted upgrade's exit code")
                    .isNotZero();
            assertThat(interrupted.console())
                    .contains("Stopped what an earlier run left running")
                    .contains("starting it over")
                    .contains("The copy of the interrupted run (migration " + leftOpen + ") was still open: cancelled")
                    .contains("Interrupted: the copy (migration " + copy + ") is cancelled")
                    .contains("Nothing was renamed: " + old + " is where it was");
        }
        assertNothingRenamedAndNothingLeftRunning();
    }

    @Test
    @Order(4)
    void runAgainAfterTheFixItStartsTheNewFolderOverAndCompletes() throws IOException {
        UpgradeCommand.Run completed = upgrade("-s", old.toString());

        assertThat(completed.code()).as(completed.out()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(completed.out())
                .contains("starting it over")
                .contains("Not copied, as they are not ClearML's")
                .contains(String.join(", ", XPACK_INDICES))
                .contains("Upgrade completed.");
        Path retired = sibling(old, "elastic_migrated_");
        Path backup = sibling(old, "elastic_backup_");
        assertThat(completed.out())
                .contains("Keeping the backup the first attempt made")
                .contains(backup.toString());
        assertThat(Files.exists(old)).as("the old folder is renamed").isFalse();
        Map<String, String> manifest = UpgradeCommand.manifestOf(backup);
        assertThat(manifest)
                .as("the backup's manifest against the folder before anything opened it")
                .isEqualTo(originalFiles);
        assertThat(checksums(backup)).as("the backup against its manifest").isEqualTo(manifest);
        assertThat(Files.readString(lastLog())).contains("Upgrade completed.").contains("SUCCEEDED");

        Path upgraded = old.resolveSibling("elastic_7");
        // ClearML 0.16's release, the oldest on ES 7: every ClearML server on ES 7 opens what it opens.
        assertOpensWithEveryDocument(node("clearml-elastic", ElasticRelease.ES_7_6_2, upgraded, "clearml"));
        assertThat(retired).isDirectory();
    }

    @Test
    @Order(5)
    void theSevenFolderMovesOnToEightAsClearml117Asks() {
        Path seven = old.resolveSibling("elastic_7");

        UpgradeCommand.Run completed = upgrade(
                "-s", seven.toString(), "-t", seven.resolveSibling("elastic_8").toString(), "-n");

        assertThat(completed.code()).as(completed.out()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(completed.out())
                .contains("Found data of Elasticsearch 7.6.2")
                .contains("Starting Elasticsearch 7.6.2 on " + seven)
                .doesNotContain("no longer opens")
                .contains("No backup (-n)")
                .contains("Elasticsearch 8.15.3")
                .contains("Upgrade completed.");
        assertOpensWithEveryDocument(
                node("clearml-elastic-8", ElasticRelease.ES_8_15_3, seven.resolveSibling("elastic_8"), "clearml"));
    }

    @Test
    @Order(6)
    void theNewFoldersOpenInElasticsOwnImagesOfTheReleasesClearmlShips() throws IOException {
        assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "Docker is not available: the upgraded folders are opened in Elastic's images only where it runs.");
        // ClearML 0.16 runs 7.6.2 (the 7 folder was renamed when it moved on to 8); ClearML 1.17 runs 8.15.3.
        assertOpensInImage("docker.elastic.co/elasticsearch/elasticsearch:7.6.2", sibling(old, "elastic_7_migrated_"));
        assertOpensInImage("docker.elastic.co/elasticsearch/elasticsearch:8.15.3", old.resolveSibling("elastic_8"));
    }

    private static void assertOpensWithEveryDocument(FolderNode server) {
        nodes.startElasticOnFolder(server);
        try {
            assertHoldsEveryDocument(new ElasticHttp(server.url()), server.dataFolder());
        } finally {
            nodes.stop(server.name(), STOP_GRACE);
        }
    }

    /** The folder in Elastic's image, as ClearML's compose runs it: the image's own user (uid 1000) owns its data. */
    @SuppressWarnings("resource") // closed by try-with-resources
    private static void assertOpensInImage(String image, Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", 1000);
                Files.setAttribute(path, "unix:gid", 0);
            }
        }
        try (GenericContainer<?> elastic = new GenericContainer<>(image)
                .withExposedPorts(9200)
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withFileSystemBind(folder.toString(), "/usr/share/elasticsearch/data", BindMode.READ_WRITE)
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=60s")
                        .forPort(9200)
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)))) {
            elastic.start();
            assertHoldsEveryDocument(
                    new ElasticHttp("http://" + elastic.getHost() + ":" + elastic.getMappedPort(9200)), folder);
        }
    }

    /**
     * Every document with its routing, no replica the one node could never place (the 5.6 era gave each index one),
     * the templates, ClearML's aggregations; none of X-Pack's indices.
     */
    private static void assertHoldsEveryDocument(ElasticHttp opened, Path folder) {
        for (Map.Entry<String, Map<String, JsonNode>> index : DOCUMENTS.entrySet()) {
            assertThat(opened.documents(index.getKey()))
                    .as(index.getKey() + " in " + folder)
                    .isEqualTo(index.getValue());
            assertThat(opened.get("/" + index.getKey() + "/_settings")
                            .path(index.getKey())
                            .path("settings")
                            .path("index")
                            .path("number_of_replicas")
                            .asText())
                    .as("replicas of " + index.getKey() + " in " + folder)
                    .isEqualTo("0");
        }
        assertThat(CopyAssertions.templateNames(opened)).containsAll(templates);
        DOCUMENTS.keySet().stream()
                .filter(index -> index.startsWith("events-training_stats_scalar-"))
                .forEach(scalars -> CopyAssertions.assertClearmlAggregationsWork(opened, scalars));
        assertThat(opened.get("/_cat/indices?format=json&h=index").findValuesAsText("index"))
                .doesNotContainAnyElementsOf(XPACK_INDICES);
    }

    private static void assertNothingRenamedAndNothingLeftRunning() {
        assertThat(siblings(old)).contains("elastic", "elastic_7").noneMatch(name -> name.contains("_migrated_"));
        assertThat(LocalStack.recordedAlive(work.resolve("state")))
                .as("processes left running")
                .isEmpty();
    }

    private static FolderNode node(String name, ElasticRelease release, Path folder, String clusterName) {
        return new FolderNode(name, release, folder, clusterName, clusterName, "256m", StackPorts.freePort());
    }

    private static UpgradeCommand.Run upgrade(String... args) {
        return UpgradeCommand.run(work, args);
    }

    private static List<Path> logs() throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(file -> file.getFileName().toString().startsWith("upgrade_elastic_"))
                    .sorted()
                    .toList();
        }
    }

    private static Path lastLog() throws IOException {
        List<Path> logs = logs();
        return logs.get(logs.size() - 1);
    }
}
