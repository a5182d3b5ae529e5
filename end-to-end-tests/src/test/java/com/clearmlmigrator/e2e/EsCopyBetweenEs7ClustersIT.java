package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.localservers.ManagedProcess;
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
    private static int httpPort;
    private static int transportPort;
    private static ManagedProcess target;

    @BeforeAll
    static void startASecondClusterAndSeedOwnCompanies() {
        httpPort = ServiceFaults.freePort();
        transportPort = ServiceFaults.freePort();
        target = RunningSystem.stack().startAnotherElastic7(TARGET, httpPort, transportPort);
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

    /**
     * The target killed ({@code kill -9}) mid-copy and started again on its data, as after an out-of-memory kill. It
     * loses the writes it had acknowledged but not yet synced (larger indices are copied with the translog synced in
     * the background), though the slices that wrote them succeeded. Tasks that met it away longer than the tests'
     * retries fail unavailable and a retry sends them again; an index found short is copied again by its verification.
     * Before, such an index failed "differs from its source after the copy", and a retry could not mend it.
     */
    @Test
    void aTargetKilledMidCopyAndStartedAgainEndsWithEveryIndexEqualToItsSource() {
        ElasticHttp source = new ElasticHttp(RunningSystem.ports().elastic7Url());
        long documents = own.indices().stream()
                .mapToLong(index -> source.documents(index).size())
                .sum();
        // The translog synced every minute instead of every 5 s: the writes acknowledged before the kill are surely
        // lost.
        ElasticHttp copied = new ElasticHttp(targetUrl);
        copied.put(
                "/_template/zz-slow-sync",
                "{\"index_patterns\":[\"*\"],\"order\":100,\"settings\":{\"index.translog.sync_interval\":\"1m\"}}");
        String id = Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic7Url(),
                targetUrl,
                own.indexPatterns(),
                "\"afterCopy\":\"none\",\"maxDocsPerSecond\":" + Math.max(10, documents / 20)));
        try {
            // Killed while an index has slices copied and is not yet verified, so what they wrote is surely lost and
            // only the verification can find it: killed at a fixed share of the copy instead, the kill may meet only
            // tasks under way, which their retries copy again whole.
            await().atMost(Duration.ofMinutes(1)).until(() -> anIndexHasSlicesCopiedAndIsNotVerified(id));
            ServiceFaults.kill(target);
            target = RunningSystem.stack().startAnotherElastic7(TARGET, httpPort, transportPort);

            if (!Migrations.awaitFinal(id).getString("status").equals("SUCCEEDED")) {
                // An index's verification waits for its slices: one that met the target away leaves it not run.
                assertThat(Migrations.report(id).getList("failures.reason", String.class))
                        .as("only tasks that met the target away, and those left waiting on them")
                        .contains("TARGET_UNAVAILABLE")
                        .isSubsetOf("TARGET_UNAVAILABLE", "PREREQUISITE_FAILED");
                given().post("/migrations/" + id + "/retry").then().statusCode(202);
            }

            Migrations.awaitEnded(id, "SUCCEEDED");
            for (String index : own.indices()) {
                assertThat(copied.documents(index)).as(index).isEqualTo(source.documents(index));
            }
            assertThat(Migrations.report(id).getList("indices.notes.flatten()", String.class))
                    .as("an index the kill left short, copied again by its verification")
                    .anyMatch(note -> note.startsWith("Copied the index again: the verification found"));
        } finally {
            Migrations.cancelUnlessEnded(id);
            copied.delete("/_template/zz-slow-sync");
            own.indices().forEach(index -> copied.delete("/" + index));
        }
    }

    private static boolean anIndexHasSlicesCopiedAndIsNotVerified(String id) {
        List<Map<String, Object>> indices = given().get("/migrations/" + id).path("copy.indices");
        return indices != null
                && indices.stream()
                        .anyMatch(index -> ((Number) index.get("slices")).intValue() > 1
                                && ((Number) index.get("slicesDone")).intValue() >= 1
                                && index.get("targetDocuments") == null);
    }
}
