package com.clearmlmigrator.planner.escopy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A legacy index template of the source in the form an ES 7 or 8 target accepts: {@code template} becomes
 * {@code index_patterns}, the mappings lose their types as {@link MappingTranslation} does, order, settings and aliases
 * stay.
 *
 * @param name      template name
 * @param patterns  index patterns it applies to
 * @param body      the {@code PUT _template/<name>} body
 * @param conflicts what could not be translated faithfully
 */
public record TemplateTranslation(
        String name, List<String> patterns, Map<String, Object> body, List<String> conflicts) {
    /** Index name beginnings of ClearML's templates; other templates on the cluster are not ours to copy. */
    private static final List<String> CLEARML_PATTERN_STARTS =
            List.of("events", "worker_stats", "queue_metrics", "serving_stats");

    /**
     * @param template a template as {@code GET _template} returns it
     * @param typed    true when it comes from ES 5.6 or 6
     */
    @SuppressWarnings("unchecked")
    public static TemplateTranslation of(String name, Map<String, Object> template, boolean typed) {
        List<String> patterns = new ArrayList<>();
        Object indexPatterns = template.get("index_patterns");
        if (indexPatterns instanceof List<?> list) {
            list.forEach(p -> patterns.add(String.valueOf(p)));
        } else if (template.get("template") instanceof String pattern) {
            patterns.add(pattern);
        }
        Map<String, Object> mappings =
                template.get("mappings") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        MappingTranslation translation = MappingTranslation.of(mappings, typed);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("index_patterns", patterns);
        if (template.containsKey("order")) {
            body.put("order", template.get("order"));
        }
        if (template.get("settings") instanceof Map<?, ?> settings && !settings.isEmpty()) {
            body.put("settings", settings);
        }
        body.put("mappings", translation.mappings());
        if (template.get("aliases") instanceof Map<?, ?> aliases && !aliases.isEmpty()) {
            body.put("aliases", aliases);
        }
        List<String> conflicts = translation.conflicts().stream()
                .map(c -> "Template " + name + ": " + c)
                .toList();
        return new TemplateTranslation(name, List.copyOf(patterns), body, conflicts);
    }

    /** True for the templates a ClearML server puts on its cluster. */
    public boolean isClearml() {
        return patterns.stream().anyMatch(TemplateTranslation::isClearmlPattern);
    }

    /** True for an index pattern of ClearML's indices. */
    static boolean isClearmlPattern(String pattern) {
        return CLEARML_PATTERN_STARTS.stream().anyMatch(pattern::startsWith);
    }
}
