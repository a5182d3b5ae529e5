package com.clearmlmigrator.stores;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.sun.net.httpserver.HttpServer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The ping that tells a slow store from a frozen one, over real connections: a server that answers, whatever it says;
 * one that takes the connection and never answers (as a process stopped with {@code kill -STOP}: the kernel still
 * accepts); and a port nobody listens on.
 */
class StorePingTest {
    private static final Duration WITHIN = Duration.ofMillis(500);

    @Test
    void aMongoServerThatAnswersThePingIsAlive() {
        MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        String uri = server.bindAndGetConnectionString();
        try (MongoConnections mongo = new MongoConnections(Duration.ofSeconds(5), TrustedAuthorities.jvmOnly())) {
            assertThat(mongo.answers(new MongoEndpoint(uri, "backend"), WITHIN)).isTrue();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aMongoServerThatTakesTheConnectionAndNeverAnswersIsNotWithinThePingsTime() throws Exception {
        try (ServerSocket frozen = new ServerSocket(0);
                MongoConnections mongo = new MongoConnections(Duration.ofSeconds(5), TrustedAuthorities.jvmOnly())) {
            MongoEndpoint endpoint = new MongoEndpoint("mongodb://127.0.0.1:" + frozen.getLocalPort(), "backend");
            long started = System.nanoTime();

            assertThat(mongo.answers(endpoint, WITHIN)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the ping's time, not the 5 s answer timeout")
                    .isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aMongoServerNobodyListensForDoesNotAnswer() throws Exception {
        try (MongoConnections mongo = new MongoConnections(Duration.ofSeconds(5), TrustedAuthorities.jvmOnly())) {
            assertThat(mongo.answers(new MongoEndpoint("mongodb://127.0.0.1:" + closedPort(), "backend"), WITHIN))
                    .isFalse();
        }
    }

    @Test
    void anElasticsearchThatAnswersEvenWithAnErrorIsAlive() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"error\":\"busy\",\"status\":503}".getBytes(UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (ElasticConnections elastic = connections()) {
            assertThat(elastic.answers(cluster(server.getAddress().getPort()), WITHIN))
                    .isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anElasticsearchThatTakesTheConnectionAndNeverAnswersIsNotWithinThePingsTime() throws Exception {
        try (ServerSocket frozen = new ServerSocket(0);
                ElasticConnections elastic = connections()) {
            long started = System.nanoTime();

            assertThat(elastic.answers(cluster(frozen.getLocalPort()), WITHIN)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the ping's time, not the 5 s answer timeout")
                    .isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void anElasticsearchNobodyListensForDoesNotAnswer() throws Exception {
        try (ElasticConnections elastic = connections()) {
            assertThat(elastic.answers(cluster(closedPort()), WITHIN)).isFalse();
        }
    }

    private static ElasticConnections connections() {
        return new ElasticConnections(Duration.ofSeconds(5), Duration.ofSeconds(5), TrustedAuthorities.jvmOnly());
    }

    private static ElasticEndpoint cluster(int port) {
        return new ElasticEndpoint(List.of("http://127.0.0.1:" + port), null, null);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
