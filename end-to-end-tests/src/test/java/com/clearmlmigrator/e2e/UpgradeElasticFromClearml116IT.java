package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.UpgradeCommand.checksums;
import static com.clearmlmigrator.e2e.UpgradeCommand.sibling;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * {@code upgrade-elastic} as an operator of ClearML 1.16 runs it before moving to 1.17: the folder their compose's
 * Elasticsearch 7.17.18 wrote (cluster {@code clearml}) becomes a new folder for Elasticsearch 8. Their old folder is
 * opened by a node of its own release, so after the upgrade it still opens in 7.17.18: they can go back.
 */
// First: the longest classes, so the lane beside the running system is busy from the start.
@Order(2)
@OwnServers
class UpgradeElasticFromClearml116IT {
    private static final Duration STOP_GRACE = Duration.ofMinutes(1);

    @TempDir
    static Path work;

    private static LocalStack nodes;

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aClearml116FolderMovesToEightAndTheOldOneStillOpensInItsOwnRelease() throws IOException {
        nodes = new LocalStack(
                RepoLayout.locate(), StackPorts.free(), StackOptions.forTests(), work.resolve("fixture-state"));
        Path old = Files.createDirectories(work.resolve("clearml/data/elastic_7"));
        FolderNode server = node("clearml-elastic", ElasticRelease.ES_7_17_18, old);
        nodes.startElasticOnFolder(server);
        ElasticHttp es7 = new ElasticHttp(server.url());
        new ElasticSeeder(server.url())
                .seed(
                        ElasticEra.ES7,
                        new EventDataset(ClearmlWorld.generate(DatasetSpec.of(23, 2, 4)), ElasticEra.ES7).documents());
        Map<String, Map<String, JsonNode>> documents = new TreeMap<>();
        for (String index : es7.get("/_cat/indices?format=json&h=index").findValuesAsText("index")) {
            documents.put(index, es7.documents(index));
        }
        List<String> templates = CopyAssertions.templateNames(es7);
        nodes.stop(server.name(), STOP_GRACE);
        Map<String, String> original = checksums(old);

        UpgradeCommand.Run completed = UpgradeCommand.run(work, "-s", old.toString());

        assertThat(completed.code()).as(completed.out()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(completed.out())
                .contains("Found data of Elasticsearch 7.17.18 in " + old)
                .contains("Starting Elasticsearch 7.17.18 on " + old)
                .doesNotContain("no longer opens")
                .contains("Elasticsearch 8.15.3")
                .contains("Upgrade completed.");
        Path backup = sibling(old, "elastic_7_backup_");
        assertThat(UpgradeCommand.manifestOf(backup))
                .as("the backup's manifest")
                .isEqualTo(original);
        Path retired = sibling(old, "elastic_7_migrated_");

        List<String> scalars = documents.keySet().stream()
                .filter(index -> index.startsWith("events-training_stats_scalar-"))
                .toList();
        assertThat(scalars).isNotEmpty();
        assertOpensWith(
                node("clearml-elastic-8", ElasticRelease.ES_8_15_3, old.resolveSibling("elastic_8")),
                documents,
                eight -> {
                    assertThat(CopyAssertions.templateNames(eight)).containsAll(templates);
                    scalars.forEach(index -> CopyAssertions.assertClearmlAggregationsWork(eight, index));
                });
        assertOpensWith(node("clearml-elastic-back", ElasticRelease.ES_7_17_18, retired), documents, seven -> {});
    }

    /** A fresh node of a release on a folder holds every document with its routing, and passes {@code more}. */
    private static void assertOpensWith(
            FolderNode opened, Map<String, Map<String, JsonNode>> documents, Consumer<ElasticHttp> more) {
        nodes.startElasticOnFolder(opened);
        try {
            ElasticHttp es = new ElasticHttp(opened.url());
            documents.forEach((index, byId) -> assertThat(es.documents(index))
                    .as(index + " in " + opened.dataFolder())
                    .isEqualTo(byId));
            more.accept(es);
        } finally {
            nodes.stop(opened.name(), STOP_GRACE);
        }
    }

    private static FolderNode node(String name, ElasticRelease release, Path folder) {
        return new FolderNode(name, release, folder, "clearml", "clearml", "256m", StackPorts.freePort());
    }
}
