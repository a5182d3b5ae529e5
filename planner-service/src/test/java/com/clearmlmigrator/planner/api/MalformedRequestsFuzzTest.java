package com.clearmlmigrator.planner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.planner.support.OneSetting;
import com.clearmlmigrator.planner.support.PlannerInfrastructure;
import com.clearmlmigrator.planner.support.RequestMutations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Thousands of malformed variants of valid requests of every kind (seeded, so a failure can be replayed), as text
 * edits and as structure edits. None may cause a 5xx; every refusal is JSON with a sentence and no stack trace; no
 * answer echoes a password; exactly the accepted requests are recorded; and afterwards the planner still accepts a valid
 * migration.
 */
@QuarkusTest
@TestProfile(MalformedRequestsFuzzTest.OwnApplication.class)
@WithTestResource(PlannerInfrastructure.class)
class MalformedRequestsFuzzTest {
    /**
     * Its own application, so the hundreds of migrations the accepted variants start are planned in their own queue
     * and never delay other tests; short store timeouts keep that queue moving.
     */
    public static class OwnApplication extends OneSetting {
        public OwnApplication() {
            super("planner.store-timeout", "1s");
        }
    }

    private static final int REQUESTS = 3000;
    private static final String SECRET = "s3cret-fuzz";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI planner;

    @Test
    void malformedRequestsNeverCauseA5xxNorRecordAnything() throws Exception {
        List<String> seeds = seeds();
        long recordedBefore = recordedMigrations();
        Random random = new Random(20261123);
        List<String> defects = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            String body = random.nextBoolean()
                    ? RequestMutations.textual(seed, random)
                    : RequestMutations.structural(seed, random);
            String path = random.nextInt(10) == 0
                    ? "migrations/x/" + (random.nextBoolean() ? "undo" : "retry")
                    : "migrations";
            HttpResponse<String> answer = post(path, body);
            String defect = defectOf(answer);
            if (defect != null) {
                defects.add(defect + " for " + abbreviated(body));
            } else if (answer.statusCode() == 202) {
                accepted.add(JSON.readTree(answer.body()).path("id").asText());
            }
        }

        assertThat(defects).isEmpty();
        assertThat(recordedMigrations() - recordedBefore)
                .as("only accepted requests are recorded")
                .isEqualTo(accepted.size());
        assertThat(accepted).as("some variants are still valid requests").isNotEmpty();
        for (String id : accepted) {
            String view = given().get("/migrations/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(view).doesNotContain(SECRET);
        }
        given().contentType(ContentType.JSON)
                .body(seeds.get(0))
                .post("/migrations")
                .then()
                .statusCode(202);
    }

    /** A valid request of each kind; two carry a password that no answer may echo. */
    private static List<String> seeds() {
        String mongo = "\"mongo\":{\"uri\":\"" + PlannerInfrastructure.mongoUri() + "\",\"database\":\"fuzz\"}";
        return List.of(
                "{\"kind\":\"inspect\"," + mongo + "}",
                "{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"mongodb://fuzzer:" + SECRET + "@"
                        + PlannerInfrastructure.mongoUri().substring("mongodb://".length()) + "\"}}",
                "{\"kind\":\"relink\",\"from\":\"http://files.old.lan:8081/\",\"to\":\"https://files.example.com/\","
                        + "\"dryRun\":true,\"include\":[\"logs\"],\"extraFields\":[\"frames:sources.*.uri\"]," + mongo
                        + "}",
                "{\"kind\":\"es-copy\",\"source\":{\"hosts\":[\"http://127.0.0.1:1\"],\"username\":\"fuzzer\","
                        + "\"password\":\"" + SECRET + "\"},\"target\":{\"hosts\":[\"http://127.0.0.1:2\"]},"
                        + "\"indices\":[\"events-*\",\"worker_stats_*\"],\"ifTargetExists\":\"skip\","
                        + "\"afterCopy\":\"none\",\"dryRun\":true,\"maxDocsPerSecond\":1000,\"replicas\":0}");
    }

    /**
     * A plain HTTP client rather than RestAssured, which formats every request body for its failure log: with bodies
     * of 100 kB that alone took ten minutes.
     */
    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(planner.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What is wrong with an answer, or null when it is an acceptable one. */
    private static String defectOf(HttpResponse<String> answer) throws JsonProcessingException {
        int status = answer.statusCode();
        if (status >= 500) {
            return "status " + status;
        }
        if (answer.body().contains(SECRET)) {
            return "a password echoed in " + status;
        }
        if (status >= 400) {
            boolean json =
                    answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            String error = json ? JSON.readTree(answer.body()).path("error").asText("") : "";
            if (error.isBlank()) {
                return "no sentence in the " + status + " answer";
            }
            if (error.contains("Exception") || error.contains("\tat ")) {
                return "a stack trace in the " + status + " answer: " + abbreviated(error);
            }
        }
        return null;
    }

    private static long recordedMigrations() {
        try (MongoClient client = MongoClients.create(PlannerInfrastructure.mongoUri())) {
            return client.getDatabase("clearml_migrator")
                    .getCollection("migrations")
                    .countDocuments();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }
}
