package com.clearmlmigrator.planner.escopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MappingTranslationTest {
    private static final Map<String, Object> KEYWORD = Map.of("type", "keyword");

    @Test
    void anEs56EventIndexLosesItsTypesAndRoutingRequirementButKeepsEveryFieldType() {
        Map<String, Object> es5 = Map.of(
                "_default_",
                Map.of("_routing", Map.of("required", true), "properties", Map.of("metric", KEYWORD)),
                "event",
                Map.of(
                        "_routing", Map.of("required", true),
                        "_all", Map.of("enabled", false),
                        "_source", Map.of("enabled", true),
                        "properties",
                                Map.of(
                                        "metric", KEYWORD,
                                        "iter", Map.of("type", "long"),
                                        "msg", Map.of("type", "text", "index", false, "include_in_all", false))));

        MappingTranslation translation = MappingTranslation.of(es5, true);

        assertThat(translation.conflicts()).isEmpty();
        assertThat(translation.mappings())
                .isEqualTo(Map.of(
                        "_source",
                        Map.of("enabled", true),
                        "properties",
                        Map.of(
                                "metric",
                                KEYWORD,
                                "iter",
                                Map.of("type", "long"),
                                "msg",
                                Map.of("type", "text", "index", false))));
    }

    @Test
    void anIndexWithOnlyTheDefaultTypeTakesItsMappings() {
        Map<String, Object> es5 = Map.of(
                "_default_", Map.of("_routing", Map.of("required", true), "properties", Map.of("variant", KEYWORD)));

        assertThat(MappingTranslation.of(es5, true).mappings())
                .isEqualTo(Map.of("properties", Map.of("variant", KEYWORD)));
    }

    @Test
    void typesThatAgreeMergeAndTypesThatDisagreeAreReportedField_byField() {
        Map<String, Object> agreeing = Map.of(
                "stat", Map.of("properties", Map.of("worker", KEYWORD)),
                "metrics", Map.of("properties", Map.of("worker", KEYWORD, "queue", KEYWORD)));
        Map<String, Object> disagreeing = Map.of(
                "stat", Map.of("properties", Map.of("worker", KEYWORD)),
                "metrics", Map.of("properties", Map.of("worker", Map.of("type", "text"))));

        assertThat(MappingTranslation.of(agreeing, true).mappings())
                .isEqualTo(Map.of("properties", Map.of("worker", KEYWORD, "queue", KEYWORD)));
        List<String> conflicts = MappingTranslation.of(disagreeing, true).conflicts();
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0)).contains("'worker'").contains("keyword").contains("text");
    }

    @Test
    void objectFieldsMergeTheirSubFields() {
        Map<String, Object> es5 = Map.of(
                "a", Map.of("properties", Map.of("stats", Map.of("properties", Map.of("cpu", KEYWORD)))),
                "b", Map.of("properties", Map.of("stats", Map.of("properties", Map.of("gpu", KEYWORD)))));

        assertThat(MappingTranslation.of(es5, true).mappings())
                .isEqualTo(Map.of(
                        "properties", Map.of("stats", Map.of("properties", Map.of("cpu", KEYWORD, "gpu", KEYWORD)))));
    }

    @Test
    void typelessMappingsOnlyLoseWhatEs7RefusesAndParentRelationsAreConflicts() {
        Map<String, Object> es7 = Map.of("dynamic", "strict", "properties", Map.of("metric", KEYWORD));
        Map<String, Object> withParent = Map.of("child", Map.of("_parent", Map.of("type", "parent")));

        assertThat(MappingTranslation.of(es7, false).mappings()).isEqualTo(es7);
        assertThat(MappingTranslation.of(withParent, true).conflicts())
                .singleElement()
                .asString()
                .contains("_parent");
    }

    @Test
    void clearmlTemplatesBecomeIndexPatternTemplatesAndOthersAreLeftAlone() {
        Map<String, Object> es5Template = Map.of(
                "order", 1,
                "template", "events-plot-*",
                "settings", Map.of("index", Map.of("number_of_shards", "1")),
                "mappings", Map.of("_default_", Map.of("properties", Map.of("plot_str", Map.of("type", "text")))),
                "aliases", Map.of());

        TemplateTranslation events = TemplateTranslation.of("events_plot", es5Template, true);
        TemplateTranslation kibana = TemplateTranslation.of("kibana", Map.of("template", ".kibana*"), true);

        assertThat(events.isClearml()).isTrue();
        assertThat(kibana.isClearml()).isFalse();
        assertThat(events.body())
                .containsEntry("index_patterns", List.of("events-plot-*"))
                .containsEntry("order", 1)
                .containsEntry("mappings", Map.of("properties", Map.of("plot_str", Map.of("type", "text"))))
                .doesNotContainKeys("template", "aliases");
    }
}
