package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.Migrations.elastic;
import static com.clearmlmigrator.e2e.Migrations.mongo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.testsupport.TestCertificates;

import io.restassured.path.json.JsonPath;

/**
 * MongoDB and Elasticsearch behind TLS whose certificates an organisation's own CA signed: the services trust that CA
 * through {@code MIGRATOR_TLS_CA_FILE} (the stack gives them {@link RunningSystem#AUTHORITY}'s), and refuse a server
 * whose certificate another CA signed, with a sentence that says what to configure. TLS is terminated by a proxy in
 * front of each real server, as a load balancer or sidecar does in many deployments.
 */
@OnRunningSystem
class TlsIT {

    @Test
    void inspectsMongoAndElasticsearchOverTlsExactlyAsOverPlainConnections() throws Exception {
        String plain = Migrations.submit(
                "{\"kind\":\"inspect\"," + mongo(RunningSystem.ports().mongoUri()) + ","
                        + elastic(RunningSystem.ports().elastic7Url()) + "}");
        try (TcpFaultProxy mongoTls = TcpFaultProxy.terminatingTls(
                        RunningSystem.ports().mongo(), RunningSystem.AUTHORITY.serverContext());
                TcpFaultProxy elasticTls = TcpFaultProxy.terminatingTls(
                        RunningSystem.ports().elastic7(), RunningSystem.AUTHORITY.serverContext())) {
            String overTls = Migrations.submit("{\"kind\":\"inspect\","
                    + mongo("mongodb://localhost:" + mongoTls.port() + "/?tls=true") + ","
                    + elastic("https://localhost:" + elasticTls.port()) + "}");

            JsonPath migration = Migrations.awaitFinal(overTls);

            assertThat(migration.getString("status")).isEqualTo("SUCCEEDED");
            assertThat(Migrations.awaitFinal(plain).getString("status")).isEqualTo("SUCCEEDED");
            JsonPath tlsReport = Migrations.report(overTls);
            JsonPath plainReport = Migrations.report(plain);
            assertThat(tlsReport.getString("elastic.serverVersion")).isEqualTo("7.10.2");
            // Sizes on disk move with background merges between the two inspections; everything else must agree.
            assertThat(withoutSizes(tlsReport.getList("mongo.collections")))
                    .isNotEmpty()
                    .isEqualTo(withoutSizes(plainReport.getList("mongo.collections")));
            assertThat(withoutSizes(tlsReport.getList("elastic.indices")))
                    .isNotEmpty()
                    .isEqualTo(withoutSizes(plainReport.getList("elastic.indices")));
        }
    }

    @Test
    void anElasticsearchCertificateFromAnUntrustedCaFailsWithWhatToConfigure() throws Exception {
        assertRefusedWithAdvice(RunningSystem.ports().elastic7(), port -> elastic("https://localhost:" + port));
    }

    @Test
    void aMongoCertificateFromAnUntrustedCaFailsWithWhatToConfigure() throws Exception {
        assertRefusedWithAdvice(
                RunningSystem.ports().mongo(), port -> mongo("mongodb://localhost:" + port + "/?tls=true"));
    }

    private static List<Map<String, Object>> withoutSizes(List<Map<String, Object>> entries) {
        return entries.stream()
                .map(entry -> {
                    Map<String, Object> kept = new TreeMap<>(entry);
                    kept.remove("sizeBytes");
                    return (Map<String, Object>) kept;
                })
                .toList();
    }

    /** An inspect of the server behind TLS whose certificate a CA nobody configured signed. */
    private static void assertRefusedWithAdvice(int serverPort, IntFunction<String> connection) throws Exception {
        TestCertificates stranger = TestCertificates.newAuthority("a CA nobody configured");
        try (TcpFaultProxy tls = TcpFaultProxy.terminatingTls(serverPort, stranger.serverContext())) {
            String id = Migrations.submit("{\"kind\":\"inspect\"," + connection.apply(tls.port()) + "}");

            JsonPath migration = Migrations.awaitFinal(id);

            assertThat(migration.getString("status")).isEqualTo("FAILED");
            assertThat(migration.getString("error"))
                    .contains("localhost:" + tls.port())
                    .contains("TLS handshake")
                    .contains("MIGRATOR_TLS_CA_FILE");
        }
    }
}
