package com.clearmlmigrator.planner.escopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.CopySpec.TemplateKind;

/** Which composable templates of an ES 8 source an es-copy puts on the target, and in which order. */
class ComposableTemplateSelectionTest {
    private static final Map<String, Object> COMMON =
            Map.of("template", Map.of("settings", Map.of("number_of_shards", 1)));

    @Test
    void takesClearmlIndexTemplatesAndTheComponentsTheyAreBuiltOfComponentsFirst() {
        Map<String, Map<String, Object>> indexTemplates = new LinkedHashMap<>();
        indexTemplates.put("events_log", indexTemplate("events-log-*", "events_common"));
        indexTemplates.put("worker_stats", indexTemplate("worker_stats_*"));
        indexTemplates.put("logs-app", indexTemplate("logs-app-*", "app_settings"));
        Map<String, Map<String, Object>> components = new LinkedHashMap<>();
        components.put("app_settings", COMMON);
        components.put("events_common", COMMON);

        List<CopySpec.IndexTemplate> chosen =
                ComposableTemplateSelection.clearml(new ClusterSurvey.ComposableTemplates(indexTemplates, components));

        assertThat(chosen)
                .extracting(CopySpec.IndexTemplate::path)
                .containsExactly(
                        "/_component_template/events_common",
                        "/_index_template/events_log",
                        "/_index_template/worker_stats");
        assertThat(chosen.get(1).body()).isEqualTo(indexTemplates.get("events_log"));
        assertThat(chosen.get(0).kind()).isEqualTo(TemplateKind.COMPONENT);
    }

    @Test
    void aComponentTheSourceDoesNotHaveIsLeftOut() {
        List<CopySpec.IndexTemplate> chosen = ComposableTemplateSelection.clearml(new ClusterSurvey.ComposableTemplates(
                Map.of("events_plot", indexTemplate("events-plot-*", "missing_on_purpose")), Map.of()));

        assertThat(chosen).extracting(CopySpec.IndexTemplate::name).containsExactly("events_plot");
    }

    private static Map<String, Object> indexTemplate(String pattern, String... composedOf) {
        return Map.of("index_patterns", List.of(pattern), "priority", 500, "composed_of", List.of(composedOf));
    }
}
