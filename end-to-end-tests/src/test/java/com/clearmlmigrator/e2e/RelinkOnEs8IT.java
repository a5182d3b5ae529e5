package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.ExpectedRelink.RELINK;
import static com.clearmlmigrator.e2e.Migrations.elastic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;

import io.restassured.path.json.JsonPath;

/**
 * Relink on Elasticsearch 8, where current ClearML servers keep their events: a real ES 8.15 node (embedded from Maven
 * Central's jars) holding ClearML's typeless event indices with compressed plots. A dry run counts and writes nothing;
 * the relink changes exactly the specified values, replaying its tasks changes nothing, and undo restores every
 * document exactly.
 */
@OnRunningSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelinkOnEs8IT {
    private static final String ES8 = "elasticsearch-8-relink";

    private static String url;
    private static Map<String, Map<String, Map<String, Object>>> before;
    private static String relink;

    @BeforeAll
    static void startAnEs8NodeWithClearmlEvents() {
        int httpPort = ServiceFaults.freePort();
        RunningSystem.stack().startElastic8(ES8, httpPort, ServiceFaults.freePort());
        url = "http://127.0.0.1:" + httpPort;
        ClearmlWorld world = ClearmlWorld.generate(DatasetSpec.of(14, 2, 20));
        new ElasticSeeder(url).seed(ElasticEra.ES7, new EventDataset(world, ElasticEra.ES7).documents());
        before = StoreSnapshot.elastic(url);
    }

    @AfterAll
    static void stopTheNode() {
        RunningSystem.stack().stop(ES8);
    }

    @Test
    @Order(1)
    void dryRunCountsWhatWouldChangeAndWritesNothing() {
        String dryRun = Migrations.submit("{" + RELINK + ",\"dryRun\":true," + elastic(url) + "}");

        assertThat(Migrations.awaitFinal(dryRun).getString("status")).isEqualTo("SUCCEEDED");
        String debugImages =
                StoreSnapshot.indices(before, "events-training_debug_image-").get(0);
        assertThat(Migrations.report(dryRun)
                        .getInt("targets.find { it.target == '" + debugImages
                                + "' }.fields.find { it.field == 'url' }.matched"))
                .isEqualTo(before.get(debugImages).size());
        assertThat(StoreSnapshot.elastic(url)).isEqualTo(before);
    }

    @Test
    @Order(2)
    void relinkChangesExactlyTheSpecifiedValuesIncludingInsideCompressedPlots() {
        relink = Migrations.submit("{" + RELINK + "," + elastic(url) + "}");

        assertThat(Migrations.awaitFinal(relink).getString("status")).isEqualTo("SUCCEEDED");
        RelinkAssertions.assertElasticAsExpected(url, before);
        JsonPath report = Migrations.report(relink);
        assertThat(report.getList("targets.fields.flatten().changed", Integer.class).stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isPositive();
        assertThat(report.getList("targets.fields.flatten().remaining", Integer.class))
                .containsOnly(0);
        String plots = StoreSnapshot.indices(before, "events-plot-").get(0);
        assertThat(report.getInt("targets.find { it.target == '" + plots
                        + "' }.fields.find { it.field == 'plot_data' }.changed"))
                .isPositive();
    }

    @Test
    @Order(3)
    void replayingEveryTaskChangesNothing() throws Exception {
        var after = StoreSnapshot.elastic(url);

        TaskReplay.replayAndAwaitResults(RunningSystem.ports().kafkaBootstrap(), List.of(relink));

        assertThat(StoreSnapshot.elastic(url)).isEqualTo(after);
    }

    @Test
    @Order(4)
    void undoRestoresEveryOriginalDocumentExactly() {
        String undo = Migrations.undoAndAwait(relink);

        assertThat(Migrations.report(undo).getList("targets.fields.flatten().conflicts", Integer.class))
                .containsOnly(0);
        assertThat(StoreSnapshot.elastic(url)).isEqualTo(before);
    }
}
