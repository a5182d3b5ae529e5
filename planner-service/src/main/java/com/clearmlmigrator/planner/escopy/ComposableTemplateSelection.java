package com.clearmlmigrator.planner.escopy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.CopySpec.TemplateKind;

/**
 * ClearML's composable index templates on a source of ES 7.8 or later (ClearML servers from 1.17 put them on ES 8),
 * with the component templates they are built of. They are copied as they are: source and target both take the same
 * typeless form, and the target is not older than the source.
 */
public final class ComposableTemplateSelection {
    private ComposableTemplateSelection() {}

    /**
     * @return the templates to put on the target, each component template before the index templates built of it
     */
    public static List<CopySpec.IndexTemplate> clearml(ClusterSurvey.ComposableTemplates source) {
        Map<String, Map<String, Object>> chosen = new LinkedHashMap<>();
        source.indexTemplates().forEach((name, body) -> {
            if (patterns(body).stream().anyMatch(TemplateTranslation::isClearmlPattern)) {
                chosen.put(name, body);
            }
        });
        Set<String> components = new LinkedHashSet<>();
        chosen.values().forEach(body -> components.addAll(componentsOf(body)));
        List<CopySpec.IndexTemplate> templates = new ArrayList<>();
        for (String component : components) {
            // A name the source lacks was allowed there by ignore_missing_component_templates; so it is on the target.
            if (source.components().containsKey(component)) {
                templates.add(new CopySpec.IndexTemplate(
                        component, source.components().get(component), TemplateKind.COMPONENT));
            }
        }
        chosen.forEach((name, body) -> templates.add(new CopySpec.IndexTemplate(name, body, TemplateKind.COMPOSABLE)));
        return templates;
    }

    /** The index patterns of a composable index template. */
    static List<String> patterns(Map<String, Object> body) {
        return strings(body.get("index_patterns"));
    }

    /** The component templates a composable index template is built of, in the order they apply. */
    static List<String> componentsOf(Map<String, Object> body) {
        return strings(body.get("composed_of"));
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value instanceof String single ? List.of(single) : List.of();
    }
}
