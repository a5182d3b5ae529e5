package com.clearmlmigrator.planner.escopy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.clearmlmigrator.planner.escopy.ClusterSurvey.ComposableTemplates;

/**
 * ClearML's fields that an index holds as dynamic text, mapped on the target as keyword, as ClearML's templates map them.
 * An index created before its template was in place (an Elasticsearch started without them, events written before the
 * server put them) got {@code metric}, {@code variant} and {@code task} dynamically mapped as text, and ClearML's
 * aggregations on them then fail ("Text fields are not optimised ...", ClearML issue #233). A copy writes every index
 * anew, so it can give those fields the type the template gives them: the documents are the same, only their indexing
 * changes. Only text that a template says is keyword is changed; any other difference is left as the source has it.
 *
 * @param mappings  the index's translated mappings, those fields mapped as keyword
 * @param fields    the fields changed, in mapping order; empty when none
 * @param templates the templates they were taken from (for each field, the last one that defines it)
 */
public record KeywordRepair(Map<String, Object> mappings, List<String> fields, List<String> templates) {
    private static final String PROPERTIES = "properties";

    /**
     * @param index      the index name
     * @param mappings   its translated (typeless) mappings
     * @param legacy     ClearML's legacy templates of the source, translated
     * @param composable the composable index templates and component templates of the source (ES 7.8 and later)
     */
    public static KeywordRepair of(
            String index,
            Map<String, Object> mappings,
            List<TemplateTranslation> legacy,
            ComposableTemplates composable) {
        Map<String, Keyword> keywords =
                composableKeywords(index, composable).orElseGet(() -> legacyKeywords(index, legacy));
        Map<String, Object> properties = asMap(mappings.get(PROPERTIES));
        Map<String, Object> repaired = new LinkedHashMap<>(properties);
        List<String> fields = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (Map.Entry<String, Object> field : properties.entrySet()) {
            Keyword keyword = keywords.get(field.getKey());
            if (keyword != null && "text".equals(asMap(field.getValue()).get("type"))) {
                repaired.put(field.getKey(), keyword.definition());
                fields.add(field.getKey());
                if (!from.contains(keyword.template())) {
                    from.add(keyword.template());
                }
            }
        }
        if (fields.isEmpty()) {
            return new KeywordRepair(mappings, List.of(), List.of());
        }
        Map<String, Object> result = new LinkedHashMap<>(mappings);
        result.put(PROPERTIES, repaired);
        return new KeywordRepair(result, List.copyOf(fields), List.copyOf(from));
    }

    /** The sentence the copy's report gives the index; null when nothing changed. */
    public String note() {
        if (fields.isEmpty()) {
            return null;
        }
        return String.join(", ", fields) + (fields.size() == 1 ? " is" : " are")
                + " mapped as keyword, as ClearML's " + (templates.size() == 1 ? "template " : "templates ")
                + String.join(" and ", templates) + (templates.size() == 1 ? " maps " : " map ")
                + (fields.size() == 1 ? "it" : "them") + ": the source index has dynamic text there (created before"
                + " its template), on which ClearML's aggregations fail.";
    }

    /** A field's keyword definition, and the template it comes from. */
    private record Keyword(Map<String, Object> definition, String template) {}

    /**
     * The keyword fields of the composable template Elasticsearch would apply to the index: of those matching it, the
     * one of highest priority (no other, and no legacy template, then applies), its components first.
     */
    private static Optional<Map<String, Keyword>> composableKeywords(String index, ComposableTemplates composable) {
        return composable.indexTemplates().entrySet().stream()
                .filter(t -> IndexPatterns.of(ComposableTemplateSelection.patterns(t.getValue()))
                        .matches(index))
                .max(Comparator.comparingInt(t -> number(t.getValue().get("priority"))))
                .map(chosen -> {
                    Map<String, Keyword> keywords = new LinkedHashMap<>();
                    for (String component : ComposableTemplateSelection.componentsOf(chosen.getValue())) {
                        collect(templateProperties(composable.components().get(component)), component, keywords);
                    }
                    collect(templateProperties(chosen.getValue()), chosen.getKey(), keywords);
                    return keywords;
                });
    }

    /** The keyword fields of the legacy templates matching the index, merged in their order as Elasticsearch does. */
    private static Map<String, Keyword> legacyKeywords(String index, List<TemplateTranslation> legacy) {
        Map<String, Keyword> keywords = new LinkedHashMap<>();
        legacy.stream()
                .filter(t -> IndexPatterns.of(t.patterns()).matches(index))
                .sorted(Comparator.comparingInt(t -> number(t.body().get("order"))))
                .forEach(t -> collect(asMap(asMap(t.body().get("mappings")).get(PROPERTIES)), t.name(), keywords));
        return keywords;
    }

    /** A later definition of a field replaces an earlier one: keyword ones are kept, others drop the field. */
    private static void collect(Map<String, Object> properties, String template, Map<String, Keyword> into) {
        properties.forEach((field, definition) -> {
            Map<String, Object> defined = asMap(definition);
            if ("keyword".equals(defined.get("type"))) {
                into.put(field, new Keyword(defined, template));
            } else {
                into.remove(field);
            }
        });
    }

    /** {@code template.mappings.properties} of a composable index template or a component template. */
    private static Map<String, Object> templateProperties(Map<String, Object> body) {
        return asMap(asMap(asMap(asMap(body).get("template")).get("mappings")).get(PROPERTIES));
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
