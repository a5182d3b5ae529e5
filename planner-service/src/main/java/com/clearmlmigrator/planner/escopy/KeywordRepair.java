package com.clearmlmigrator.planner.escopy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ClearML's fields that an index holds as dynamic text, mapped on the target as keyword, as ClearML's templates map them.
 * An index created before its template was in place (an Elasticsearch started without them, events written before the
 * server put them) got {@code metric}, {@code variant} and {@code task} dynamically mapped as text, and ClearML's
 * aggregations on them then fail ("Text fields are not optimised ...", ClearML issue #233). A copy writes every index
 * anew, so it can give those fields the type the template gives them: the documents are the same, only their indexing
 * changes. Only text that a template says is keyword is changed; any other difference is left as the source has it.
 *
 * @param mappings the index's translated mappings, those fields mapped as keyword
 * @param fields   the fields changed, in mapping order; empty when none
 * @param templates the templates they were taken from (for each field, the last one that defines it)
 */
public record KeywordRepair(Map<String, Object> mappings, List<String> fields, List<String> templates) {
    private static final String PROPERTIES = "properties";

    /**
     * @param index     the index name
     * @param mappings  its translated (typeless) mappings
     * @param templates ClearML's legacy templates of the source, translated
     */
    public static KeywordRepair of(String index, Map<String, Object> mappings, List<TemplateTranslation> templates) {
        Map<String, Object> properties = asMap(mappings.get(PROPERTIES));
        Map<String, Map<String, Object>> keywords = new LinkedHashMap<>();
        Map<String, String> definedBy = new LinkedHashMap<>();
        templates.stream()
                .filter(t -> IndexPatterns.of(t.patterns()).matches(index))
                .sorted(Comparator.comparingInt(KeywordRepair::order))
                .forEach(t -> asMap(asMap(t.body().get("mappings")).get(PROPERTIES))
                        .forEach((field, definition) -> {
                            Map<String, Object> defined = asMap(definition);
                            if ("keyword".equals(defined.get("type"))) {
                                keywords.put(field, defined);
                                definedBy.put(field, t.name());
                            } else {
                                keywords.remove(field);
                            }
                        }));
        Map<String, Object> repaired = new LinkedHashMap<>(properties);
        List<String> fields = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (Map.Entry<String, Object> field : properties.entrySet()) {
            Map<String, Object> keyword = keywords.get(field.getKey());
            if (keyword != null && "text".equals(asMap(field.getValue()).get("type"))) {
                repaired.put(field.getKey(), keyword);
                fields.add(field.getKey());
                if (!from.contains(definedBy.get(field.getKey()))) {
                    from.add(definedBy.get(field.getKey()));
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

    private static int order(TemplateTranslation template) {
        return template.body().get("order") instanceof Number order ? order.intValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
