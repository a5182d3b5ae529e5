package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.Migrations.elastic;
import static com.clearmlmigrator.e2e.Migrations.mongo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * MongoDB and Elasticsearch behind TLS whose certificates an organisation's own CA signed: the services trust that CA
 * through {@code MIGRATOR_TLS_CA_FILE} (the stack gives them {@link RunningSystem#AUTHORITY}'s), and refuse a server
 * whose certificate another CA signed, with a sentence that says what to configure. TLS is terminated by a proxy in
 * front of each real server, as a load balancer or sidecar does in many deployments.
 */
@ExtendWith(RunningSystem.class)
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
            assertThat(tlsReport.getList("mongo.collections"))
                    .isNotEmpty()
                    .isEqualTo(plainReport.getList("mongo.collections"));
            assertThat(tlsReport.getList("elastic.indices"))
                    .isNotEmpty()
                    .isEqualTo(plainReport.getList("elastic.indices"));
        }
    }

    @Test
    void anElasticsearchCertificateFromAnUntrustedCaFailsWithWhatToConfigure() throws Exception {
        TestCertificates stranger = TestCertificates.newAuthority("a CA nobody configured");
        try (TcpFaultProxy elasticTls =
                TcpFaultProxy.terminatingTls(RunningSystem.ports().elastic7(), stranger.serverContext())) {
            String id = Migrations.submit(
                    "{\"kind\":\"inspect\"," + elastic("https://localhost:" + elasticTls.port()) + "}");

            JsonPath migration = Migrations.awaitFinal(id);

            assertThat(migration.getString("status")).isEqualTo("FAILED");
            assertThat(migration.getString("error"))
                    .contains("localhost:" + elasticTls.port())
                    .contains("TLS handshake")
                    .contains("MIGRATOR_TLS_CA_FILE");
        }
    }

    @Test
    void aMongoCertificateFromAnUntrustedCaFailsWithWhatToConfigure() throws Exception {
        TestCertificates stranger = TestCertificates.newAuthority("a CA nobody configured");
        try (TcpFaultProxy mongoTls =
                TcpFaultProxy.terminatingTls(RunningSystem.ports().mongo(), stranger.serverContext())) {
            String id = Migrations.submit(
                    "{\"kind\":\"inspect\"," + mongo("mongodb://localhost:" + mongoTls.port() + "/?tls=true") + "}");

            JsonPath migration = Migrations.awaitFinal(id);

            assertThat(migration.getString("status")).isEqualTo("FAILED");
            assertThat(migration.getString("error"))
                    .contains("localhost:" + mongoTls.port())
                    .contains("TLS handshake")
                    .contains("MIGRATOR_TLS_CA_FILE");
        }
    }
}
