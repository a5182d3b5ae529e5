package com.clearmlmigrator.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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

    /**
     * A migration that reached its final status.
     *
     * @param migration its final view
     * @param seconds   from just before it was submitted to its final status, as the planner recorded it
     */
    record Finished(JsonNode migration, double seconds) {}

    /**
     * Runs a migration to its end. The time is taken from the planner's own record of when the status became final
     * ({@code updatedAt}; same machine, same clock), so polling once a second neither delays the figure nor takes CPU
     * from the run it measures, as polling ten times a second did on a 2-core machine.
     */
    Finished run(String body) throws IOException, InterruptedException {
        Instant submitted = Instant.now();
        String id = send(HttpRequest.newBuilder(URI.create(baseUrl + "/migrations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)))
                .path("id")
                .asText();
        while (true) {
            JsonNode migration = send(HttpRequest.newBuilder(URI.create(baseUrl + "/migrations/" + id))
                    .GET());
            if (FINAL.contains(migration.path("status").asText())) {
                Instant finished = Instant.parse(migration.path("updatedAt").asText());
                return new Finished(
                        migration, Duration.between(submitted, finished).toNanos() / 1e9);
            }
            Thread.sleep(1_000);
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
