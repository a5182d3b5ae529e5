package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a node on loopback says of its indices: their names, to say what the copy left behind, and the health of their
 * shards, to wait for the node to open them.
 */
final class NodeIndices {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private NodeIndices() {}

    static List<String> of(String nodeUrl) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (JsonNode index : get(nodeUrl, "/_cat/indices?h=index&format=json", "a list of its indices")) {
            names.add(index.path("index").asText());
        }
        return names.stream().sorted().toList();
    }

    /** {@code GET /_cluster/health?level=indices}: status, shards open and opening, and each index's status. */
    static JsonNode health(String nodeUrl) throws IOException, InterruptedException {
        return get(nodeUrl, "/_cluster/health?level=indices", "a question of its health");
    }

    /** {@code GET /_recovery?active_only=true}: the shards being opened, and how far each is. */
    static JsonNode recoveries(String nodeUrl) throws IOException, InterruptedException {
        return get(nodeUrl, "/_recovery?active_only=true", "a question of its shards' recovery");
    }

    private static JsonNode get(String nodeUrl, String path, String what) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(nodeUrl + path))
                .timeout(Duration.ofMinutes(1))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The node at " + nodeUrl + " answered " + response.statusCode() + " to " + what);
        }
        return JSON.readTree(response.body());
    }
}
