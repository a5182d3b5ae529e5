package com.clearmlmigrator.stores;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoInternalException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import com.sun.net.httpserver.HttpServer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Store errors become task failures that name the server and never show a password. */
class StoreErrorsTest {
    @Test
    void aServerThatDropsAwayMidOperationIsUnavailableSoTheTaskIsTriedAgain() {
        MongoEndpoint endpoint = new MongoEndpoint("mongodb://127.0.0.1:27017", "backend");
        for (MongoException dropped : List.of(
                new MongoServerUnavailableException("The server at 127.0.0.1:27017 is no longer available"),
                new MongoConnectionPoolClearedException(
                        new ServerId(new ClusterId(), new ServerAddress("127.0.0.1", 27017)), null))) {
            assertThat(MongoConnections.translate(endpoint, dropped).reason())
                    .as(dropped.getClass().getSimpleName())
                    .isEqualTo(FailureReason.TARGET_UNAVAILABLE);
        }
    }

    @Test
    void aRequestTheDriverOrTheServerRefusesSaysWhy() {
        MongoEndpoint endpoint = new MongoEndpoint("mongodb://admin:s3cret@127.0.0.1:27017", "backend");

        TaskFailedException tooLarge = MongoConnections.translate(
                endpoint,
                new MongoInternalException(
                        "The reply message length 49159005 is greater than the maximum message length 48000000"));

        assertThat(tooLarge.reason()).isEqualTo(FailureReason.TARGET_REJECTED);
        assertThat(tooLarge.getMessage())
                .isEqualTo("MongoDB at mongodb://admin:***@127.0.0.1:27017 refused the request (code -3): The reply"
                        + " message length 49159005 is greater than the maximum message length 48000000.");
    }

    @Test
    void unreachableMongoIsUnavailableAndTheMessageHidesThePassword() throws Exception {
        int closedPort = closedPort();
        MongoEndpoint endpoint = new MongoEndpoint("mongodb://admin:s3cret@127.0.0.1:" + closedPort, "backend");

        try (MongoConnections mongo = new MongoConnections(Duration.ofMillis(500), TrustedAuthorities.jvmOnly())) {
            assertThatThrownBy(() -> mongo.withDatabase(
                            endpoint, db -> db.listCollectionNames().first()))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
                        assertThat(e.getMessage())
                                .contains("127.0.0.1:" + closedPort)
                                .doesNotContain("s3cret");
                        assertThat(StoreSilence.causedBy(e))
                                .as("refused, not silent")
                                .isFalse();
                    });
        }
    }

    @Test
    void malformedConnectionStringIsBadInput() {
        try (MongoConnections mongo = new MongoConnections(Duration.ofMillis(500), TrustedAuthorities.jvmOnly())) {
            assertThatThrownBy(() -> mongo.withDatabase(new MongoEndpoint("mongodb://", "backend"), db -> db.getName()))
                    .isInstanceOfSatisfying(
                            TaskFailedException.class,
                            e -> assertThat(e.reason()).isEqualTo(FailureReason.BAD_INPUT));
        }
    }

    @Test
    void aConnectionStringMissingItsAtSignNeverShowsThePasswordItNowTakesForAHost() {
        try (MongoConnections mongo = new MongoConnections(Duration.ofMillis(500), TrustedAuthorities.jvmOnly())) {
            MongoEndpoint endpoint = new MongoEndpoint("mongodb://admin:s3cret[127.0.0.1:27017", "backend");

            assertThatThrownBy(() -> mongo.withDatabase(endpoint, db -> db.getName()))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.BAD_INPUT);
                        assertThat(e.getMessage())
                                .startsWith("The MongoDB connection string is not valid: The connection string")
                                .doesNotContain("s3cret");
                    });
        }
    }

    @Test
    void reachableMongoAnswers() {
        MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        String uri = server.bindAndGetConnectionString();
        try (MongoConnections mongo = new MongoConnections(Duration.ofSeconds(5), TrustedAuthorities.jvmOnly())) {
            String name = mongo.withDatabase(new MongoEndpoint(uri, "backend"), db -> db.getName());

            assertThat(name).isEqualTo("backend");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void unreachableElasticsearchIsUnavailable() throws Exception {
        ElasticEndpoint endpoint = new ElasticEndpoint(List.of("http://127.0.0.1:" + closedPort()), "u", "s3cret");

        try (ElasticConnections elastic =
                new ElasticConnections(Duration.ofMillis(500), Duration.ofSeconds(2), TrustedAuthorities.jvmOnly())) {
            assertThatThrownBy(() -> elastic.client(endpoint).get("/"))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
                        assertThat(e.getMessage()).doesNotContain("s3cret");
                        assertThat(StoreSilence.causedBy(e))
                                .as("refused, not silent")
                                .isFalse();
                    });
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * What ES 5.6 answered in the half second after its start, before it had recovered its cluster state (measured on the
     * dev stack's node): a moment to wait for, not a write block to lift, which the advice on disks had said.
     */
    @Test
    void aClusterThatHasJustStartedIsUnavailableForAMomentNotBlocked() throws Exception {
        String blocked = "{\"error\":{\"root_cause\":[{\"type\":\"cluster_block_exception\",\"reason\":\"blocked by:"
                + " [SERVICE_UNAVAILABLE/1/state not recovered / initialized];\"}],\"type\":\"cluster_block_exception\","
                + "\"reason\":\"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];\"},\"status\":503}";
        String main = "{\"name\":\"Node 1\",\"cluster_name\":\"clearml\",\"cluster_uuid\":\"_na_\","
                + "\"version\":{\"number\":\"5.6.16\"},\"tagline\":\"You Know, for Search\"}";
        assertThat(WriteBlocks.is(ElasticClient.JSON.readTree(blocked).path("error")))
                .isFalse();
        assertThat(ClusterStarting.is(ElasticClient.JSON.readTree(blocked).path("error")))
                .isTrue();

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().equals("/") ? main : blocked).getBytes(UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ElasticEndpoint endpoint = new ElasticEndpoint(
                List.of("http://127.0.0.1:" + server.getAddress().getPort()), null, null);
        try (ElasticConnections elastic =
                new ElasticConnections(Duration.ofSeconds(2), Duration.ofSeconds(5), TrustedAuthorities.jvmOnly())) {
            for (String path : List.of("/", "/_cat/indices?format=json")) {
                assertThatThrownBy(() -> elastic.client(endpoint).get(path))
                        .as(path)
                        .isInstanceOfSatisfying(ClusterStarting.StillStarting.class, e -> {
                            assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
                            assertThat(e.getMessage())
                                    .startsWith("Elasticsearch at [http://127.0.0.1:")
                                    .contains("has not recovered its cluster state yet (it answered 503 to GET " + path)
                                    .endsWith("): it has just started, or waits for more of its nodes to join.");
                        });
            }
        } finally {
            server.stop(0);
        }
    }

    /** The item Elasticsearch 7.10 answered for a write to an index past its flood-stage watermark. */
    @Test
    void aFloodStageBlockAnswered429IsAWriteBlockThatPausesWithOneSentence() throws Exception {
        var item = ElasticClient.JSON.readTree("{\"status\":429,\"error\":{\"type\":\"cluster_block_exception\","
                + "\"reason\":\"index [events-log-c1] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage"
                + " watermark, index has read-only-allow-delete block];\"}}");

        assertThat(WriteBlocks.is(item.path("error"))).isTrue();
        TaskFailedException blocked = WriteBlocks.failure("events-log-c1", item.path("error"));
        assertThat(blocked.reason()).isEqualTo(FailureReason.TARGET_BLOCKED);
        assertThat(blocked.getMessage())
                .startsWith("Elasticsearch refused writes to events-log-c1: index [events-log-c1] blocked by:")
                .contains("read-only-allow-delete block]. Elasticsearch blocks writes when a disk passes");
    }
}
