package com.clearmlmigrator.cli.planner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.clearmlmigrator.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The planner's REST API, as the command uses it. Every answer is JSON; every refusal becomes a sentence. */
public class PlannerClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT = Duration.ofSeconds(5);
    /** Longer than the planner itself waits for Kafka to take a retry's tasks (30 s), so that it answers first. */
    private static final Duration ANSWER = Duration.ofSeconds(60);

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http;
    private final Duration answerWithin;

    /** @param token the planner's API token ({@code PLANNER_API_TOKEN} on its side), when it has one */
    public PlannerClient(URI base, Optional<String> token) {
        this(base, token, ANSWER);
    }

    PlannerClient(URI base, Optional<String> token, Duration answerWithin) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.token = token.filter(t -> !t.isBlank());
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
        this.answerWithin = answerWithin;
    }

    public String address() {
        return base.toString();
    }

    /** Submits a migration; the answer names its id and status. */
    public JsonNode submit(JsonNode request) {
        return send("POST", "migrations", request);
    }

    public JsonNode migration(String id) {
        return send("GET", "migrations/" + id, null);
    }

    public JsonNode migrations() {
        return send("GET", "migrations", null);
    }

    public JsonNode report(String id) {
        return send("GET", "migrations/" + id + "/report", null);
    }

    public JsonNode elasticRequests(String id) {
        return send("GET", "migrations/" + id + "/elastic-requests", null);
    }

    public JsonNode cancel(String id) {
        return send("POST", "migrations/" + id + "/cancel", null);
    }

    /** @param connections the connections again (needed when the migration used credentials); null for none */
    public JsonNode retry(String id, JsonNode connections) {
        return send("POST", "migrations/" + id + "/retry", connections);
    }

    /** @param connections the connections again (needed when the relink used credentials); null for none */
    public JsonNode undo(String id, JsonNode connections) {
        return send("POST", "migrations/" + id + "/undo", connections);
    }

    /** Tells what a relink or its undo did to the dataset state files of one place; the answer lists every place's. */
    public JsonNode recordStateFiles(String id, JsonNode outcome) {
        return send("PUT", "migrations/" + id + "/state-files", outcome);
    }

    /**
     * Tells that {@code forget} removed what a relink kept for its undo in one place of state files, at the time it wrote
     * there; the answer lists every place's.
     */
    public JsonNode forgetStateFiles(String id, String place, Instant at) {
        ObjectNode body = JSON.createObjectNode().put("place", place).put("at", at.toString());
        return send("PUT", "migrations/" + id + "/state-files/forgotten", body);
    }

    /** What a relink keeps in the migrator's database for its undo: {@code entries}, and {@code forgotten} once not. */
    public JsonNode journal(String id) {
        return send("GET", "migrations/" + id + "/journal", null);
    }

    /** Forgets a finished relink's journal in the migrator's database: its undo is refused after it. */
    public JsonNode forgetJournal(String id) {
        return send("DELETE", "migrations/" + id + "/journal", null);
    }

    /** A request for the migration's event stream ({@link EventStream}). */
    HttpRequest.Builder events(String id) {
        return authorized(HttpRequest.newBuilder(base.resolve("migrations/" + id + "/events")))
                .header("Accept", "text/event-stream");
    }

    HttpClient http() {
        return http;
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(base.resolve(path)))
                .timeout(answerWithin)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw PlannerException.tooSlow(base.toString(), method + " " + path, answerWithin, e);
        } catch (IOException e) {
            throw PlannerException.unreachable(base.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlannerException.unreachable(base.toString(), e);
        }
        return readAnswer(answer);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    private static JsonNode readAnswer(HttpResponse<String> answer) {
        int status = answer.statusCode();
        JsonNode body = parse(answer.body());
        if (status < 300) {
            return body;
        }
        String error = body.path("error").asText("HTTP " + status);
        if (status == 401) {
            error += " Give the planner's API token in CLEARML_MIGRATOR_TOKEN.";
        }
        throw new PlannerException(error, status >= 500 ? ExitCode.PLANNER_UNREACHABLE : ExitCode.BAD_INPUT);
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
