package com.clearmlmigrator.stores;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON over the low-level REST client, for every Elasticsearch version we meet (5.6 to 8): plain {@code
 * application/json}, because ES 7.10 answers 406 to the compatibility headers newer clients send.
 */
public final class ElasticClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;
    private final List<String> hosts;

    ElasticClient(ElasticEndpoint endpoint, int connectTimeoutMillis, int socketTimeoutMillis) {
        this.hosts = endpoint.hosts();
        HttpHost[] httpHosts = endpoint.hosts().stream().map(HttpHost::create).toArray(HttpHost[]::new);
        var builder = RestClient.builder(httpHosts)
                .setRequestConfigCallback(
                        config -> config.setConnectTimeout(connectTimeoutMillis).setSocketTimeout(socketTimeoutMillis));
        if (endpoint.hasCredentials()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(
                    AuthScope.ANY, new UsernamePasswordCredentials(endpoint.username(), endpoint.password()));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        this.rest = builder.build();
    }

    /** GET a path and read the JSON answer. */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** Sends a {@code _bulk} request (newline-delimited JSON) and reads the JSON answer. */
    public JsonNode bulk(String ndjson) {
        return send(
                "POST",
                "/_bulk",
                ndjson,
                ContentType.create("application/x-ndjson", java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Sends a request with an optional JSON body and reads the JSON answer. 429 and 5xx answers and connection
     * problems become {@link FailureReason#TARGET_UNAVAILABLE}; other error answers {@link
     * FailureReason#TARGET_REJECTED}.
     */
    public JsonNode send(String method, String path, String body) {
        return send(method, path, body, ContentType.APPLICATION_JSON);
    }

    private JsonNode send(String method, String path, String body, ContentType type) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NStringEntity(body, type));
        }
        try {
            Response response = rest.performRequest(request);
            try (InputStream content = response.getEntity().getContent()) {
                return JSON.readTree(content);
            }
        } catch (ResponseException e) {
            throw rejected(method, path, e);
        } catch (IOException e) {
            throw new TaskFailedException(
                    FailureReason.TARGET_UNAVAILABLE,
                    "Elasticsearch at " + hosts + " is unreachable: " + describe(e) + ".",
                    e);
        }
    }

    private TaskFailedException rejected(String method, String path, ResponseException e) {
        int status = e.getResponse().getStatusLine().getStatusCode();
        String reason = errorReason(e.getResponse());
        String message = "Elasticsearch at " + hosts + " answered " + status + " to " + method + " " + path
                + (reason.isEmpty() ? "." : ": " + reason);
        boolean temporary = status == 429 || status >= 500;
        return new TaskFailedException(
                temporary ? FailureReason.TARGET_UNAVAILABLE : FailureReason.TARGET_REJECTED, message, e);
    }

    private static String errorReason(Response response) {
        try (InputStream content = response.getEntity().getContent()) {
            JsonNode error = JSON.readTree(content).path("error");
            return error.isTextual() ? error.asText() : error.path("reason").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
