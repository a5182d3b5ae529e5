package com.clearmlmigrator.planner.escopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeywordRepairTest {
    private static final Map<String, Object> DYNAMIC_TEXT =
            Map.of("type", "text", "fields", Map.of("keyword", Map.of("type", "keyword", "ignore_above", 256)));
    private static final Map<String, Object> KEYWORD = Map.of("type", "keyword");
    private static final ClusterSurvey.ComposableTemplates NO_COMPOSABLE =
            new ClusterSurvey.ComposableTemplates(Map.of(), Map.of());
    private static final TemplateTranslation EVENTS = TemplateTranslation.of(
            "events",
            Map.of(
                    "template",
                    "events-*",
                    "order",
                    0,
                    "mappings",
                    Map.of(
                            "_default_",
                            Map.of(
                                    "properties",
                                    Map.of(
                                            "metric", KEYWORD,
                                            "variant", KEYWORD,
                                            "task", KEYWORD,
                                            "iter", Map.of("type", "long"))))),
            true);

    @Test
    void dynamicTextWhereClearmlsTemplateHasKeywordIsMappedAsTheTemplateMapsIt() {
        Map<String, Object> mappings = Map.of(
                "properties",
                Map.of(
                        "metric", DYNAMIC_TEXT,
                        "variant", DYNAMIC_TEXT,
                        "task", KEYWORD,
                        "value", Map.of("type", "float")));

        KeywordRepair repair =
                KeywordRepair.of("events-training_stats_scalar-c1", mappings, List.of(EVENTS), NO_COMPOSABLE);

        assertThat(repair.fields()).containsExactlyInAnyOrder("metric", "variant");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) repair.mappings().get("properties");
        assertThat(properties)
                .containsEntry("metric", KEYWORD)
                .containsEntry("variant", KEYWORD)
                .containsEntry("task", KEYWORD)
                .containsEntry("value", Map.of("type", "float"));
        assertThat(repair.note())
                .contains("are mapped as keyword, as ClearML's template events maps them")
                .contains("dynamic text");
    }

    @Test
    void anIndexNoTemplateMatchesOrWhoseFieldsAgreeIsLeftAsItIs() {
        Map<String, Object> mappings = Map.of("properties", Map.of("metric", DYNAMIC_TEXT));
        Map<String, Object> agreeing = Map.of("properties", Map.of("metric", KEYWORD, "iter", Map.of("type", "long")));

        assertThat(KeywordRepair.of("worker_stats_c1_2020-09", mappings, List.of(EVENTS), NO_COMPOSABLE)
                        .fields())
                .isEmpty();
        assertThat(KeywordRepair.of("events-log-c1", agreeing, List.of(EVENTS), NO_COMPOSABLE)
                        .mappings())
                .isSameAs(agreeing);
        assertThat(KeywordRepair.of("events-log-c1", mappings, List.of(), NO_COMPOSABLE)
                        .note())
                .isNull();
    }

    @Test
    void onASourceWithComposableTemplatesTheOneOfHighestPriorityAndItsComponentsDecideAlone() {
        Map<String, Object> scalarsTemplate = Map.of(
                "index_patterns", List.of("events-training_stats_scalar-*"),
                "priority", 500,
                "composed_of", List.of("events_common"),
                "template", Map.of("mappings", Map.of("properties", Map.of("value", Map.of("type", "float")))));
        Map<String, Object> lowerPriority = Map.of(
                "index_patterns", List.of("events-*"),
                "priority", 100,
                "template", Map.of("mappings", Map.of("properties", Map.of("task", KEYWORD))));
        Map<String, Object> common = Map.of(
                "template", Map.of("mappings", Map.of("properties", Map.of("metric", KEYWORD, "variant", KEYWORD))));
        ClusterSurvey.ComposableTemplates composable = new ClusterSurvey.ComposableTemplates(
                Map.of("events_training_stats_scalar", scalarsTemplate, "events_any", lowerPriority),
                Map.of("events_common", common));
        Map<String, Object> mappings =
                Map.of("properties", Map.of("metric", DYNAMIC_TEXT, "variant", DYNAMIC_TEXT, "task", DYNAMIC_TEXT));

        KeywordRepair repair =
                KeywordRepair.of("events-training_stats_scalar-c1", mappings, List.of(EVENTS), composable);

        assertThat(repair.fields()).containsExactlyInAnyOrder("metric", "variant");
        assertThat(repair.templates()).containsExactly("events_common");
        assertThat(KeywordRepair.of("events-log-c1", mappings, List.of(EVENTS), composable)
                        .fields())
                .as("only the lower-priority template matches: it alone decides")
                .containsExactly("task");
    }

    @Test
    void aLaterTemplateThatMapsTheFieldOtherwiseWins() {
        TemplateTranslation logsAsText = TemplateTranslation.of(
                "events_log",
                Map.of(
                        "template",
                        "events-log-*",
                        "order",
                        1,
                        "mappings",
                        Map.of("_default_", Map.of("properties", Map.of("metric", Map.of("type", "text"))))),
                true);
        Map<String, Object> mappings = Map.of("properties", Map.of("metric", DYNAMIC_TEXT));

        assertThat(KeywordRepair.of("events-log-c1", mappings, List.of(logsAsText, EVENTS), NO_COMPOSABLE)
                        .fields())
                .isEmpty();
        assertThat(KeywordRepair.of("events-plot-c1", mappings, List.of(logsAsText, EVENTS), NO_COMPOSABLE)
                        .fields())
                .containsExactly("metric");
    }
}
