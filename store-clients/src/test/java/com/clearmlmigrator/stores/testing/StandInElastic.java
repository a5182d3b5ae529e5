package com.clearmlmigrator.stores.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server standing in for an Elasticsearch cluster, for tests of what a client makes of its answers:
 * each path answered by a handler, and answers that can be held until the test ends (a node that takes a request and
 * never answers). Shared with the elastic-worker's tests through this module's test-jar.
 */
public final class StandInElastic implements AutoCloseable {
    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);

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

    /** Lets every held answer go, then stops. */
    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
