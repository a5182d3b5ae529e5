package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

/** What every finished es-copy between two clusters must show, shared by the tests of each pair of versions. */
final class CopyAssertions {
    private CopyAssertions() {}

    /**
     * The copy succeeded and says so index by index; every document of every index is on the target with its id,
     * routing and source; the source indices carry a write block and the target's do not; the templates are there.
     */
    static void assertCopiedIntact(
            String copyId, ElasticHttp source, ElasticHttp target, List<String> indices, String targetVersionPrefix) {
        Migrations.awaitEnded(copyId, "SUCCEEDED");
        JsonPath report = Migrations.report(copyId);
        assertThat(report.getString("sourceVersion")).isEqualTo(source.version());
        assertThat(report.getString("targetVersion")).startsWith(targetVersionPrefix);
        assertThat(report.getList("indices.index", String.class)).containsExactlyInAnyOrderElementsOf(indices);
        assertThat(report.getList("indices.checksumMatch", Boolean.class)).containsOnly(true);
        for (String index : indices) {
            var documents = source.documents(index);
            assertThat(documents).as(index).isNotEmpty();
            assertThat(target.documents(index)).as(index).isEqualTo(documents);
            assertThat(indexSetting(source, index, "blocks", "write"))
                    .as("write block on the source " + index)
                    .isEqualTo("true");
            assertThat(indexSetting(target, index, "blocks", "write"))
                    .as("no write block on the target " + index)
                    .isEmpty();
            // Replicas and refresh were off and the translog synced in the background while copying (for indices
            // larger than a bulk); the source's settings are back.
            for (String setting : List.of("number_of_replicas", "refresh_interval")) {
                assertThat(indexSetting(target, index, setting))
                        .as(setting + " of " + index)
                        .isEqualTo(indexSetting(source, index, setting));
            }
            assertThat(indexSetting(target, index, "translog", "durability"))
                    .as("translog durability of " + index)
                    .isEqualTo(indexSetting(source, index, "translog", "durability"));
        }
        List<String> onTarget = templateNames(target);
        assertThat(report.getList("templates", String.class))
                .isNotEmpty()
                .allSatisfy(name ->
                        assertThat(onTarget).as("templates on the target").contains(name));
    }

    /** The names of the legacy templates of an ES 5.6 cluster, which has no other kind. */
    static List<String> templateNamesOf5(ElasticHttp cluster) {
        List<String> names = new ArrayList<>();
        cluster.get("/_template").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The names of every legacy, composable and component template on a cluster of ES 7.8 or later. */
    static List<String> templateNames(ElasticHttp cluster) {
        List<String> names = new ArrayList<>();
        cluster.get("/_template").fieldNames().forEachRemaining(names::add);
        cluster.get("/_index_template")
                .path("index_templates")
                .forEach(t -> names.add(t.path("name").asText()));
        cluster.get("/_component_template")
                .path("component_templates")
                .forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    /** {@code metric} and {@code variant} are keywords, and the terms aggregations ClearML's UI runs on them work. */
    static void assertClearmlAggregationsWork(ElasticHttp target, String scalars) {
        JsonNode buckets = metricBuckets(target, scalars);
        assertThat(buckets.size()).isPositive();
        assertThat(buckets.path(0).path("variants").path("buckets").size()).isPositive();
    }

    /**
     * Checks that {@code metric} and {@code variant} are keywords in a scalar index, then runs the nested terms
     * aggregation ClearML's UI runs on them and returns its metric buckets.
     */
    static JsonNode metricBuckets(ElasticHttp target, String scalars) {
        JsonNode mapping = target.get("/" + scalars + "/_mapping").path(scalars).path("mappings");
        assertThat(mapping.path("properties").path("metric").path("type").asText())
                .isEqualTo("keyword");
        assertThat(mapping.path("properties").path("variant").path("type").asText())
                .isEqualTo("keyword");
        return target.post(
                        "/" + scalars + "/_search",
                        "{\"size\":0,\"aggs\":{\"metrics\":{\"terms\":{\"field\":\"metric\"},"
                                + "\"aggs\":{\"variants\":{\"terms\":{\"field\":\"variant\"}}}}}}")
                .path("aggregations")
                .path("metrics")
                .path("buckets");
    }

    /** An index setting under {@code index.}, as text; empty when not set. */
    private static String indexSetting(ElasticHttp cluster, String index, String... path) {
        JsonNode setting = cluster.get("/" + index + "/_settings")
                .path(index)
                .path("settings")
                .path("index");
        for (String name : path) {
            setting = setting.path(name);
        }
        return setting.asText();
    }
}
