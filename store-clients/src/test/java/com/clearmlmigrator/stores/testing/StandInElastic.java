package com.clearmlmigrator.stores.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.stores.TrustedAuthorities;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server standing in for an Elasticsearch cluster, for tests of what a client makes of its answers:
 * each path answered by a handler, and answers that can be held until the test ends (a node that takes a request and
 * never answers). Shared with the elastic-worker's tests through this module's test-jar. Registered as a test's
 * extension ({@code @RegisterExtension}), it closes after each test.
 */
public final class StandInElastic implements AutoCloseable, AfterEachCallback {
    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<ElasticConnections> connections = new CopyOnWriteArrayList<>();

    private StandInElastic(HttpServer server) {
        this.server = server;
    }

    public static StandInElastic start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return new StandInElastic(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers requests under {@code path} with {@code handler}. */
    public StandInElastic answering(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** The cluster as a client names it. */
    public ElasticEndpoint endpoint() {
        return new ElasticEndpoint(
                List.of("http://127.0.0.1:" + server.getAddress().getPort()), null, null);
    }

    /** A client of this cluster that waits {@code answerTimeout} for each answer; closed with the cluster. */
    public ElasticClient client(Duration answerTimeout) {
        ElasticConnections opened =
                new ElasticConnections(Duration.ofSeconds(2), answerTimeout, TrustedAuthorities.jvmOnly());
        connections.add(opened);
        return opened.client(endpoint());
    }

    /** Called in a handler: holds its answer until the test ends, as a frozen node holds every answer. */
    public void holdAnswer() {
        try {
            released.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers with this status and JSON body. */
    public static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Lets every held answer go, then stops, and closes the clients it gave. */
    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        connections.forEach(ElasticConnections::close);
    }
}
