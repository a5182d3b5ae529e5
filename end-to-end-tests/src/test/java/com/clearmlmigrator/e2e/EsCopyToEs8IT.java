package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;
import com.clearmlmigrator.synthetic.IndexTemplates;

/**
 * The move to ES 8: from the stack's real ES 7.10.2 node, straight from its ES 5.6.16 node, and from another ES 8
 * cluster, to a real Elasticsearch 8.15 node started for this test,
 * embedded from Maven Central's jars (the server and its HTTP transport; no painless, reindex or analysis-common, which
 * the copy does not use). The translated mappings and templates, the bulk writes, the settings put back and the
 * verification all meet ES 8's own code. {@code EsCopyToEs8ContainerIT} runs the same check against Elastic's image for
 * those with Docker.
 *
 * <p>On the second system: it needs nothing of the first, and the second lane was about 47 s shorter than the first.
 */
@OnSecondSystem
class EsCopyToEs8IT {
    private static final String TARGET = "elasticsearch-8-target";
    private static final String SOURCE = "elasticsearch-8-source";

    @RegisterExtension
    static final OwnCompanies onEs7 = OwnCompanies.onStack(ElasticEra.ES7, DatasetSpec.of(10, 3, 8));

    @RegisterExtension
    static final OwnCompanies onEs5 = OwnCompanies.onStack(ElasticEra.ES5, DatasetSpec.of(12, 3, 8));

    private static String targetUrl;
    private static String es8SourceUrl;
    private static ClearmlWorld es8World;

    @BeforeAll
    static void startTwoEs8NodesAndSeedTheSources() {
        int httpPort = ServiceFaults.freePort();
        int sourcePort = ServiceFaults.freePort();
        // Both at once: each node spends most of its start waiting on itself.
        RunningSystem.stack()
                .startElastic8(List.of(
                        new LocalStack.NodeAddress(TARGET, httpPort, ServiceFaults.freePort()),
                        new LocalStack.NodeAddress(SOURCE, sourcePort, ServiceFaults.freePort())));
        targetUrl = "http://127.0.0.1:" + httpPort;
        es8SourceUrl = "http://127.0.0.1:" + sourcePort;
        es8World = ClearmlWorld.generate(DatasetSpec.of(16, 2, 8));
        new ElasticSeeder(es8SourceUrl).seedAsEs8Server(new EventDataset(es8World, ElasticEra.ES7).documents());
    }

    @AfterAll
    static void leaveTheStackAsFound() {
        RunningSystem.stack().stop(TARGET);
        RunningSystem.stack().stop(SOURCE);
    }

    @Test
    void copiesEveryIndexFromEs7ToEs8IntactAndVerified() {
        onEs7.copyAndCheck(targetUrl, "8.15");
    }

    /** Typed 5.6 mappings with required routing, translated for a version two majors on, without a stop at ES 7. */
    @Test
    void copiesEveryIndexFromEs56StraightToEs8IntactAndVerified() {
        onEs5.copyAndCheck(targetUrl, "8.15");
    }

    /**
     * A ClearML server from 1.17 moving to a new ES 8 cluster: its composable index templates and the component
     * template they are built of arrive on the target as they were, so indices ClearML creates later match too.
     */
    @Test
    void movesAnEs8ServersIndicesAndComposableTemplatesToANewEs8Cluster() {
        ElasticHttp source = new ElasticHttp(es8SourceUrl);
        ElasticHttp target = new ElasticHttp(targetUrl);
        List<String> indices = StoreSnapshot.indices(StoreSnapshot.elastic(es8SourceUrl), "");
        String id = Migrations.submit(Migrations.esCopy(
                es8SourceUrl, targetUrl, Migrations.indexPatterns(es8World.companies()), "\"dryRun\":false"));

        CopyAssertions.assertCopiedIntact(id, source, target, indices, "8.15");
        assertThat(Migrations.report(id).getList("templates", String.class))
                .containsAll(IndexTemplates.composableForEs8().indexTemplates().keySet())
                .contains("events_common");
        for (String path : List.of("/_component_template/events_common", "/_index_template/events_log")) {
            assertThat(target.get(path)).as(path).isEqualTo(source.get(path));
        }
        CopyAssertions.assertClearmlAggregationsWork(
                target,
                "events-training_stats_scalar-" + es8World.companies().get(0).id());
        // An index ClearML creates after the move gets its mappings from the copied templates.
        String later = "/events-log-" + es8World.companies().get(0).id() + "-later";
        target.put(later, "{}");
        assertThat(target.get(later + "/_mapping")
                        .findPath("level")
                        .path("type")
                        .asText())
                .isEqualTo("keyword");
    }
}
