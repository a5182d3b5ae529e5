package com.clearmlmigrator.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;

/**
 * Moving ClearML's indices to a new cluster of the same version: from the stack's real ES 7.10.2 node to a second,
 * separate ES 7.10.2 cluster started for this test. Typeless source mappings, ES 7 scrolls and an ES 7 source write
 * block take other paths than the upgrade from ES 5.6.
 */
@OnRunningSystem
class EsCopyBetweenEs7ClustersIT {
    private static final String TARGET = "elasticsearch-7-target";

    @RegisterExtension
    static final OwnCompanies own = OwnCompanies.onStack(ElasticEra.ES7, DatasetSpec.of(8, 3, 8));

    private static String targetUrl;

    @BeforeAll
    static void startASecondClusterAndSeedOwnCompanies() {
        int httpPort = ServiceFaults.freePort();
        RunningSystem.stack().startAnotherElastic7(TARGET, httpPort, ServiceFaults.freePort());
        targetUrl = "http://127.0.0.1:" + httpPort;
    }

    @AfterAll
    static void leaveTheStackAsFound() {
        RunningSystem.stack().stop(TARGET);
    }

    @Test
    void copiesEveryIndexToANewEs7ClusterIntactAndVerified() {
        own.copyAndCheck(targetUrl, "7.10.2");
    }
}
