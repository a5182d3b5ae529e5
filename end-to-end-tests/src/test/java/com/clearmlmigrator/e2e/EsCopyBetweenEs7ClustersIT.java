package com.clearmlmigrator.e2e;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;

/**
 * Moving ClearML's indices to a new cluster of the same version: from the stack's real ES 7.10.2 node to a second,
 * separate ES 7.10.2 cluster started for this test. Typeless source mappings, ES 7 scrolls and an ES 7 source write
 * block take other paths than the upgrade from ES 5.6.
 */
@ExtendWith(RunningSystem.class)
class EsCopyBetweenEs7ClustersIT {
    private static final String TARGET = "elasticsearch-7-target";
    private static final ClearmlWorld WORLD = ClearmlWorld.generate(DatasetSpec.of(8, 3, 8));
    // The first company of every synthetic world has ClearML's example id, which the shared dataset already uses.
    private static final List<ClearmlWorld.Company> COMPANIES =
            WORLD.companies().subList(1, WORLD.companies().size());

    private static ElasticHttp source;
    private static ElasticHttp target;
    private static String targetUrl;
    private static List<String> indices;

    @BeforeAll
    static void startASecondClusterAndSeedOwnCompanies() {
        int httpPort = ServiceFaults.freePort();
        RunningSystem.stack().startAnotherElastic7(TARGET, httpPort, ServiceFaults.freePort());
        targetUrl = "http://127.0.0.1:" + httpPort;
        source = new ElasticHttp(RunningSystem.ports().elastic7Url());
        target = new ElasticHttp(targetUrl);
        indices = OwnCompanies.seedOnStackEs7(WORLD, COMPANIES);
    }

    @AfterAll
    static void leaveTheStackAsFound() {
        // The other end-to-end tests count and rewrite every ClearML index of the stack's ES 7: take ours away.
        OwnCompanies.remove(source, indices);
        RunningSystem.stack().stop(TARGET);
    }

    @Test
    void copiesEveryIndexToANewEs7ClusterIntactAndVerified() {
        String id = Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic7Url(),
                targetUrl,
                Migrations.indexPatterns(COMPANIES),
                "\"dryRun\":false"));

        CopyAssertions.assertCopiedIntact(id, source, target, indices, "7.10.2");
        CopyAssertions.assertClearmlAggregationsWork(
                target, "events-training_stats_scalar-" + COMPANIES.get(0).id());
    }
}
