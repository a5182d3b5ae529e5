package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

/**
 * ES 5.6 indices with two mapping types, which ES 7 no longer has: the types are merged into one typeless mapping, and
 * an {@code _id} that both types use for different documents is reported, never overwritten.
 */
@OnRunningSystem
class EsCopyMappingTypesIT {
    /** Indices of companies of their own, so the other tests' ClearML indices are untouched. */
    private static final String MERGED = "events-log-7e57aaaa000000000000000000000001";

    private static final String SHARED_ID = "events-log-7e57aaaa000000000000000000000002";

    private static ElasticHttp es5;
    private static ElasticHttp es7;

    @BeforeAll
    static void seedIndicesWithTwoTypes() {
        es5 = new ElasticHttp(RunningSystem.ports().elastic5Url());
        es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        for (String index : List.of(MERGED, SHARED_ID)) {
            es5.put("/" + index, "{\"mappings\":{\"event\":" + LOG_TYPE + ",\"legacy_event\":" + LOG_TYPE + "}}");
        }
        index(MERGED, "event", "e1", "first message");
        index(MERGED, "event", "e2", "second message");
        index(MERGED, "legacy_event", "l1", "a message of the older type");
        index(SHARED_ID, "event", "e1", "first message");
        index(SHARED_ID, "event", "shared", "the event's own message");
        index(SHARED_ID, "legacy_event", "shared", "another document under the same id");
        es5.post("/" + MERGED + "," + SHARED_ID + "/_refresh", null);
    }

    @AfterAll
    static void leaveTheClustersAsFound() {
        for (String index : List.of(MERGED, SHARED_ID)) {
            es5.delete("/" + index);
            es7.delete("/" + index);
        }
    }

    @Test
    void twoTypesThatAgreeAreMergedAndEveryDocumentOfBothIsCopied() {
        String id = Migrations.submit(copy(MERGED));

        Migrations.awaitEnded(id, "SUCCEEDED");
        assertThat(Migrations.report(id).getList("indices.checksumMatch", Boolean.class))
                .containsExactly(true);
        Map<String, JsonNode> copied = es7.documents(MERGED);
        assertThat(copied).containsOnlyKeys("e1", "e2", "l1").isEqualTo(es5.documents(MERGED));
        JsonNode mapping = es7.get("/" + MERGED + "/_mapping").path(MERGED).path("mappings");
        assertThat(mapping.path("properties").path("msg").path("type").asText()).isEqualTo("text");
        assertThat(mapping.path("properties").path("task").path("type").asText())
                .isEqualTo("keyword");
    }

    @Test
    void anIdThatBothTypesUseIsReportedAndNeitherDocumentIsOverwritten() {
        String id = Migrations.submit(copy(SHARED_ID));

        Migrations.awaitEnded(id, "COMPLETED_WITH_ERRORS");
        JsonPath report = Migrations.report(id);
        assertThat(report.getList("failures.detail", String.class))
                .anySatisfy(detail -> assertThat(detail)
                        .contains("shared")
                        .contains("mapping types")
                        .contains("Nothing was overwritten"));
        String kept = es7.get("/" + SHARED_ID + "/_doc/shared?routing=task-1")
                .path("_source")
                .path("msg")
                .asText();
        assertThat(kept).isIn("the event's own message", "another document under the same id");
        assertThat(es5.get("/" + SHARED_ID + "/_settings")
                        .path(SHARED_ID)
                        .path("settings")
                        .path("index")
                        .path("blocks")
                        .path("write")
                        .asText())
                .as("an index that was not copied whole keeps its source writable")
                .isNotEqualTo("true");
    }

    private static final String LOG_TYPE = "{\"_routing\":{\"required\":true},\"properties\":{"
            + "\"task\":{\"type\":\"keyword\"},\"msg\":{\"type\":\"text\"},\"timestamp\":{\"type\":\"date\"}}}";

    private static void index(String index, String type, String id, String message) {
        es5.put(
                "/" + index + "/" + type + "/" + id + "?routing=task-1",
                "{\"task\":\"task-1\",\"msg\":\"" + message + "\",\"timestamp\":1600000000000}");
    }

    private static String copy(String index) {
        return Migrations.esCopy(
                RunningSystem.ports().elastic5Url(),
                RunningSystem.ports().elastic7Url(),
                List.of(index),
                "\"dryRun\":false");
    }
}
