package com.clearmlmigrator.worker.elastic.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MappingShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTypesAndRequiredRoutingOfAnEs56EventIndex() throws Exception {
        JsonNode mappings = JSON.readTree("""
                {"_default_": {"_routing": {"required": true}, "properties": {"task": {"type": "keyword"}}},
                 "event": {"_routing": {"required": true},
                           "properties": {"task": {"type": "keyword"}, "url": {"type": "keyword"}}}}
                """);

        MappingShape shape = MappingShape.of(mappings);

        assertThat(shape.types()).containsExactly("_default_", "event");
        assertThat(shape.routingRequired()).isTrue();
        assertThat(shape.urlFields()).containsExactly("url");
    }

    @Test
    void readsATypelessEs7PlotIndex() throws Exception {
        JsonNode mappings = JSON.readTree("""
                {"properties": {"plot_str": {"type": "text", "index": false}, "plot_data": {"type": "binary"},
                                "metric": {"type": "keyword"}}}
                """);

        MappingShape shape = MappingShape.of(mappings);

        assertThat(shape.types()).isEmpty();
        assertThat(shape.routingRequired()).isFalse();
        assertThat(shape.urlFields()).containsExactly("plot_str", "plot_data");
    }

    @Test
    void typedStatisticsIndexWithoutRoutingHasNoUrlFields() throws Exception {
        JsonNode mappings = JSON.readTree("{\"stat\": {\"properties\": {\"worker\": {\"type\": \"keyword\"}}}}");

        MappingShape shape = MappingShape.of(mappings);

        assertThat(shape.types()).containsExactly("stat");
        assertThat(shape.routingRequired()).isFalse();
        assertThat(shape.urlFields()).isEmpty();
    }

    @Test
    void namesClearmlsKeywordFieldsThatAnIndexCreatedBeforeItsTemplateHasAsText() throws Exception {
        JsonNode dynamic = JSON.readTree("""
                {"event": {"properties": {
                  "metric": {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}},
                  "variant": {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}},
                  "task": {"type": "keyword"}, "msg": {"type": "text"}}}}
                """);
        JsonNode templated = JSON.readTree("""
                {"properties": {"metric": {"type": "keyword"}, "variant": {"type": "keyword"}}}
                """);

        assertThat(MappingShape.of(dynamic).textFields()).containsExactly("metric", "variant");
        assertThat(MappingShape.of(templated).textFields()).isEmpty();
    }

    @Test
    void emptyMappingIsTypeless() throws Exception {
        assertThat(MappingShape.of(JSON.readTree("{}")).types()).isEmpty();
    }
}
