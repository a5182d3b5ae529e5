package com.clearmlmigrator.planner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.planner.support.PlannerInfrastructure;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Thousands of malformed variants of valid requests (seeded, so a failure can be replayed): none may cause a 5xx, and
 * afterwards the planner still answers and still accepts a valid migration.
 */
@QuarkusTest
@TestProfile(MalformedRequestsFuzzTest.OwnApplication.class)
@WithTestResource(PlannerInfrastructure.class)
class MalformedRequestsFuzzTest {
    /**
     * Its own application, so the hundreds of migrations the accepted variants start are planned in their own queue
     * and never delay other tests; short store timeouts keep that queue moving.
     */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planner.store-timeout", "1s");
        }
    }

    private static final int REQUESTS = 2000;
    private static final String JSON_CHARACTERS = "{}[]:,\"\\ 0123456789.-+eEtruefalsn/@%\u00e9\u0000\ud83d\ude00";

    @Test
    void malformedRequestsNeverCauseA5xx() {
        List<String> seeds = List.of(
                "{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"" + PlannerInfrastructure.mongoUri()
                        + "\",\"database\":\"fuzz\"}}",
                "{\"kind\":\"relink\",\"from\":\"http://files.old.lan:8081/\",\"to\":\"https://files.example.com/\","
                        + "\"dryRun\":true,\"include\":[\"logs\"],\"extraFields\":[\"frames:sources.*.uri\"],"
                        + "\"mongo\":{\"uri\":\"" + PlannerInfrastructure.mongoUri() + "\",\"database\":\"fuzz\"}}");
        Random random = new Random(20261123);
        List<String> serverErrors = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String body = mutate(seeds.get(random.nextInt(seeds.size())), random);
            int status = given().contentType(ContentType.JSON)
                    .body(body)
                    .post(random.nextInt(10) == 0 ? "/migrations/x/undo" : "/migrations")
                    .statusCode();
            if (status >= 500) {
                serverErrors.add(status + " for " + body);
            }
        }

        assertThat(serverErrors).isEmpty();
        given().get("/migrations").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(seeds.get(0))
                .post("/migrations")
                .then()
                .statusCode(202);
    }

    /** One to five random edits: delete, insert or replace a character, truncate, or swap a value's type. */
    private static String mutate(String body, Random random) {
        StringBuilder text = new StringBuilder(body);
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length())));
                case 2 -> text.setCharAt(at, JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length())));
                case 3 -> text.setLength(at);
                case 4 -> text.replace(0, text.length(), text.toString().replaceFirst("\"[^\"]*\"(?=[,}])", "12345"));
                default -> text.insert(at, "x".repeat(random.nextInt(3) == 0 ? 100_000 : 10));
            }
        }
        return text.toString();
    }
}
