package com.clearmlmigrator.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP proxy in front of a real Elasticsearch node that answers its first {@code _bulk} requests with 429, as a
 * cluster under indexing pressure does, may hold every request for the next scroll page for a while, as a slow or busy
 * cluster does, and forwards everything else unchanged.
 */
final class ThrottlingProxy implements AutoCloseable {
    private static final byte[] TOO_MANY_REQUESTS = ("{\"error\":{\"type\":\"es_rejected_execution_exception\","
                    + "\"reason\":\"rejected execution of bulk (injected by the test)\"},\"status\":429}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String upstream;
    private final AtomicInteger bulksToRefuse;
    private final AtomicInteger refused = new AtomicInteger();
    private final Duration scrollDelay;

    ThrottlingProxy(String upstream, int bulksToRefuse) throws IOException {
        this(upstream, bulksToRefuse, Duration.ZERO);
    }

    /** @param scrollDelay how long each request for a next scroll page is held before it is forwarded */
    ThrottlingProxy(String upstream, int bulksToRefuse, Duration scrollDelay) throws IOException {
        this.upstream = upstream;
        this.scrollDelay = scrollDelay;
        this.bulksToRefuse = new AtomicInteger(bulksToRefuse);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many bulk requests were answered 429. */
    int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getRawPath();
        if (path.endsWith("/_bulk") && bulksToRefuse.getAndDecrement() > 0) {
            try (exchange) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(429, TOO_MANY_REQUESTS.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(TOO_MANY_REQUESTS);
                }
            }
            return;
        }
        if (path.equals("/_search/scroll") && exchange.getRequestMethod().equals("POST") && !scrollDelay.isZero()) {
            // The proxy plays a slow cluster: the answer comes after the delay, the exchange finished from a timer.
            CompletableFuture.delayedExecutor(scrollDelay.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> forward(exchange, path, body));
            return;
        }
        forward(exchange, path, body);
    }

    private void forward(HttpExchange exchange, String path, byte[] body) {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder forward = HttpRequest.newBuilder(
                            URI.create(upstream + path + (query == null ? "" : "?" + query)))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                forward.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers()
                    .firstValue("Content-Type")
                    .ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.statusCode(), head ? -1 : answer.body().length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
