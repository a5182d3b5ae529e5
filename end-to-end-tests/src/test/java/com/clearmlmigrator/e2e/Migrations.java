package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.testsupport.PlannerRequests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Drives the planner's REST API as an operator would. */
final class Migrations {
    /** The statuses a migration ends in. */
    static final Set<String> FINAL = Set.of("SUCCEEDED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED");

    private Migrations() {}

    /** Submits a migration and returns its id. */
    static String submit(String body) {
        return PlannerRequests.submit(given(), body);
    }

    /** The id of the migration accepted last; null when there is none. */
    static String newest() {
        List<String> ids = given().get("/migrations").jsonPath().getList("id", String.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Waits until the migration reaches a final status and returns it. */
    static JsonPath awaitFinal(String id) {
        return awaitFinalSeeing(id, view -> {});
    }

    /** Waits until the migration has ended and checks that it ended {@code status}; a failure shows the whole view. */
    static JsonPath awaitEnded(String id, String status) {
        JsonPath ended = awaitFinal(id);
        assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo(status);
        return ended;
    }

    /** Waits until the migration has ended, showing each view read meanwhile to {@code seen}; returns the last. */
    static JsonPath awaitFinalSeeing(String id, Consumer<JsonPath> seen) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    JsonPath view = given().get("/migrations/" + id).jsonPath();
                    String status = view.getString("status");
                    if (status == null) {
                        return false; // the planner answered 503 (its store away): asked again
                    }
                    seen.accept(view);
                    return FINAL.contains(status);
                });
        return given().get("/migrations/" + id).jsonPath();
    }

    /** Waits until the migration reaches this status, failing early if it ends in another one. */
    static JsonPath awaitStatus(String id, String status) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    String now = given().get("/migrations/" + id).path("status");
                    if (FINAL.contains(now) && !now.equals(status)) {
                        throw new AssertionError("Migration " + id + " ended " + now + " instead of " + status);
                    }
                    return now.equals(status);
                });
        return given().get("/migrations/" + id).jsonPath();
    }

    /** Starts the undo of a relink, waits until it has succeeded and returns its id. */
    /** The values a relink or undo reports it changed, over every field of every collection and index. */
    static int changedValues(String id) {
        return report(id).getList("targets.fields.flatten().changed", Integer.class).stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    static String undoAndAwait(String relink) {
        String undo = given().post("/migrations/" + relink + "/undo")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(awaitFinal(undo).getString("status")).isEqualTo("SUCCEEDED");
        return undo;
    }

    /**
     * Checks that a migration met by an outage longer than every retry ended with errors, each failure for a store that
     * could not be reached; once the proxy lets the store be reached again, retries it and returns how it ended.
     */
    static JsonPath retryAfterOutage(String id, TcpFaultProxy proxy) {
        JsonPath ended = awaitEnded(id, "COMPLETED_WITH_ERRORS");
        assertThat(report(id).getList("failures.reason", String.class))
                .isNotEmpty()
                .allMatch(reason -> reason.equals("TARGET_UNAVAILABLE"));
        await().atMost(Duration.ofMinutes(1)).until(() -> proxy.refusedConnections() > 0 && proxy.isUp());

        given().contentType(ContentType.JSON)
                .post("/migrations/" + id + "/retry")
                .then()
                .statusCode(202);
        return awaitFinal(id);
    }

    /**
     * Cancels the migration if it has not ended and waits until the parts it had under way have answered, so a test that
     * failed midway leaves no migration holding its stores for the tests after it. Nothing when {@code id} is null.
     */
    static void cancelUnlessEnded(String id) {
        if (id == null || FINAL.contains(given().get("/migrations/" + id).<String>path("status"))) {
            return;
        }
        given().post("/migrations/" + id + "/cancel");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/migrations/" + id).<Integer>path("tasks.pending") == 0);
    }

    /** Every migration the planner lists that has not ended, most recent first. */
    static List<String> unended() {
        return given().get("/migrations")
                .jsonPath()
                .<String>getList("findAll { !(it.status in "
                        + FINAL.stream().map(s -> "'" + s + "'").toList() + ") }.id");
    }

    /** Checks that a relink of many parts succeeded with nothing failed, in conflict or left to rewrite. */
    static void assertRelinkSucceededWhole(String id, JsonPath migration) {
        assertThat(migration.getString("status")).as(migration.prettify()).isEqualTo("SUCCEEDED");
        assertThat(migration.getInt("tasks.total")).isGreaterThan(10);
        JsonPath report = report(id);
        for (String count : new String[] {"failed", "conflicts", "remaining"}) {
            assertThat(report.getList("targets.fields.flatten()." + count, Integer.class))
                    .as(count)
                    .allMatch(n -> n == 0);
        }
    }

    static JsonPath report(String id) {
        return given().get("/migrations/" + id + "/report")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The index patterns of these companies' ClearML indices: events, worker and queue statistics. */
    static List<String> indexPatterns(List<ClearmlWorld.Company> companies) {
        return companies.stream()
                .flatMap(c -> Stream.of(
                        "events-*-" + c.id(), "worker_stats_" + c.id() + "_*", "queue_metrics_" + c.id() + "_*"))
                .toList();
    }

    /** An es-copy request body for these index patterns; {@code options} adds more members, such as {@code "dryRun":true}. */
    static String esCopy(String source, String target, List<String> patterns, String options) {
        return "{\"kind\":\"es-copy\",\"source\":{\"hosts\":[\"" + source + "\"]},\"target\":{\"hosts\":[\""
                + target + "\"]},\"indices\":["
                + String.join(",", patterns.stream().map(p -> "\"" + p + "\"").toList()) + "]," + options + "}";
    }

    static String mongo(String uri) {
        return "\"mongo\":{\"uri\":\"" + uri + "\",\"database\":\"backend\"}";
    }

    static String elastic(String url) {
        return "\"elastic\":{\"hosts\":[\"" + url + "\"]}";
    }
}
