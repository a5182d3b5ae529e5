package com.clearmlmigrator.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;

/**
 * The upgrade to ES 8: from the stack's real ES 7.10.2 node, and straight from its ES 5.6.16 node, to a real
 * Elasticsearch 8.19 node started for this test,
 * embedded from Maven Central's jars (the server and its HTTP transport; no painless, reindex or analysis-common, which
 * the copy does not use). The translated mappings and templates, the bulk writes, the settings put back and the
 * verification all meet ES 8's own code. {@code EsCopyToEs8ContainerIT} runs the same check against Elastic's image for
 * those with Docker.
 */
@ExtendWith(RunningSystem.class)
class EsCopyToEs8IT {
    private static final String TARGET = "elasticsearch-8-target";

    private static String targetUrl;
    private static OwnCompanies onEs7;
    private static OwnCompanies onEs5;

    @BeforeAll
    static void startAnEs8ClusterAndSeedOwnCompaniesOnEs7AndEs5() {
        int httpPort = ServiceFaults.freePort();
        RunningSystem.stack().startElastic8(TARGET, httpPort, ServiceFaults.freePort());
        targetUrl = "http://127.0.0.1:" + httpPort;
        onEs7 = OwnCompanies.seedOnStack(ElasticEra.ES7, DatasetSpec.of(10, 3, 8));
        onEs5 = OwnCompanies.seedOnStack(ElasticEra.ES5, DatasetSpec.of(12, 3, 8));
    }

    @AfterAll
    static void leaveTheStackAsFound() {
        for (OwnCompanies own : new OwnCompanies[] {onEs7, onEs5}) {
            if (own != null) {
                own.remove();
            }
        }
        RunningSystem.stack().stop(TARGET);
    }

    @Test
    void copiesEveryIndexFromEs7ToEs8IntactAndVerified() {
        onEs7.copyAndCheck(targetUrl, "8.19");
    }

    /** Typed 5.6 mappings with required routing, translated for a version two majors on, without a stop at ES 7. */
    @Test
    void copiesEveryIndexFromEs56StraightToEs8IntactAndVerified() {
        onEs5.copyAndCheck(targetUrl, "8.19");
    }
}
