package com.clearmlmigrator.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Answers read while they arrive: any size through a fixed buffer, breaks reported, early stops cleaned up. */
class StreamedAnswersTest {
    private static final long LARGER_THAN_THE_CLIENTS_DEFAULT_BUFFER = 150L * 1024 * 1024;

    /** Holds the answer of a server that never answers until the test ends. */
    private final CountDownLatch thawed = new CountDownLatch(1);

    private final HttpServer server = start();
    private final ElasticEndpoint endpoint = new ElasticEndpoint(
            List.of("http://127.0.0.1:" + server.getAddress().getPort()), null, null);
    private final ElasticClient client = new ElasticClient(endpoint, TrustedAuthorities.jvmOnly(), 2000, 10_000);

    @AfterEach
    void stop() throws IOException {
        thawed.countDown();
        client.close();
        server.stop(0);
    }

    @Test
    void anAnswerLargerThanTheClientBuffersWholePassesThroughTheFixedBuffer() {
        long read = client.stream("GET", "/big", null, StreamedAnswersTest::count);

        assertThat(read).isEqualTo(LARGER_THAN_THE_CLIENTS_DEFAULT_BUFFER);
        // The same answer read whole, as every other request is, is refused by the client's 100 MB limit.
        assertThatThrownBy(() -> client.sendForText("GET", "/big", null)).isInstanceOf(TaskFailedException.class);
    }

    @Test
    void anAnswerThatBreaksOffIsAStoreThatWentAwayNotAShortAnswer() {
        assertThatThrownBy(() -> client.stream("GET", "/broken", null, StreamedAnswersTest::count))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("is unreachable");
                });
    }

    @Test
    void aReaderThatStopsEarlyFreesItsConnection() {
        for (int i = 0; i < 15; i++) { // more than the client's 10 connections per node
            assertThatThrownBy(() -> client.stream("GET", "/big", null, content -> {
                        content.readNBytes(4096);
                        throw new IllegalStateException("stopped early");
                    }))
                    .hasMessage("stopped early");
        }

        String answer = client.stream(
                "GET", "/small", null, content -> new String(content.readAllBytes(), StandardCharsets.UTF_8));
        assertThat(answer).isEqualTo("{\"ok\":true}");
    }

    @Test
    void aClusterThatTakesTheRequestAndNeverAnswersDidNotAnswerInTimeRatherThanBeingOutOfReach() throws IOException {
        try (ElasticClient impatient = new ElasticClient(endpoint, TrustedAuthorities.jvmOnly(), 2000, 300)) {
            assertThatThrownBy(() -> impatient.sendForText("GET", "/silent", null))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
                        assertThat(e.getMessage())
                                .startsWith("Elasticsearch at " + endpoint.hosts() + " did not answer in" + " time: ")
                                .contains("300 milliseconds");
                    });
        }
    }

    @Test
    void anErrorAnswerIsRefusedWithItsReason() {
        assertThatThrownBy(() -> client.stream("GET", "/missing", null, StreamedAnswersTest::count))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TARGET_REJECTED);
                    assertThat(e.getMessage()).contains("answered 404").contains("no such index [missing]");
                });
    }

    private static long count(InputStream content) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = content.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/big", exchange -> body(exchange, LARGER_THAN_THE_CLIENTS_DEFAULT_BUFFER, false));
            server.createContext("/broken", exchange -> body(exchange, 10L * 1024 * 1024, true));
            server.createContext("/small", exchange -> reply(exchange, 200, "{\"ok\":true}"));
            server.createContext("/silent", exchange -> {
                try {
                    thawed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, 200, "{\"ok\":true}");
            });
            server.createContext(
                    "/missing",
                    exchange -> reply(
                            exchange,
                            404,
                            "{\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index"
                                    + " [missing]\"},\"status\":404}"));
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body of this many bytes; a broken one stops after a tenth and drops the connection. */
    private static void body(HttpExchange exchange, long length, boolean breakOff) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, length);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long stopAt = breakOff ? length / 10 : length;
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < stopAt; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, stopAt - sent));
            }
        } catch (IOException e) {
            // The client stopped reading (early stops), or the body was cut short on purpose.
        }
        if (breakOff) {
            throw new IllegalStateException("drops the connection"); // the server closes it on an escaping exception
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
