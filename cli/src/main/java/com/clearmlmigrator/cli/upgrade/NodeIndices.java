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

/** The indices a node on loopback holds, to say what the copy left behind. */
final class NodeIndices {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private NodeIndices() {}

    static List<String> of(String nodeUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(nodeUrl + "/_cat/indices?h=index&format=json"))
                .timeout(Duration.ofMinutes(1))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "The node at " + nodeUrl + " answered " + response.statusCode() + " to a list of" + " its indices");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode index : JSON.readTree(response.body())) {
            names.add(index.path("index").asText());
        }
        return names.stream().sorted().toList();
    }
}
