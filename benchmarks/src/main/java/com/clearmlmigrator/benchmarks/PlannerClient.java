package com.clearmlmigrator.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Submits a migration over the REST API and waits for its final status, as an operator would. */
final class PlannerClient {
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PlannerClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Runs a migration to its end and returns its final view. */
    JsonNode run(String body) throws IOException, InterruptedException {
        String id = send(HttpRequest.newBuilder(URI.create(baseUrl + "/migrations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)))
                .path("id")
                .asText();
        while (true) {
            JsonNode migration = send(HttpRequest.newBuilder(URI.create(baseUrl + "/migrations/" + id))
                    .GET());
            if (FINAL.contains(migration.path("status").asText())) {
                return migration;
            }
            // Four times a second: the figure is at most a quarter second late, and on a 2-core machine faster polling
            // takes measurable CPU from the migration it measures (every GET reads the migration's counts).
            Thread.sleep(250);
        }
    }

    JsonNode report(String id) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/migrations/" + id + "/report"))
                .GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return JSON.readTree(
                http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
