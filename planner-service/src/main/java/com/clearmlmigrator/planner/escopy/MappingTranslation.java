package com.clearmlmigrator.planner.escopy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an index's mappings as an older Elasticsearch returns them into the typeless mappings of ES 7 and 8, with the
 * same field types. On ES 5.6 and 6 the mappings sit under their type names ({@code event}, {@code stat},
 * {@code _default_}): the types are merged, {@code _default_} only counts when it is the only one (it already shaped
 * the other types), and what ES 7 no longer accepts is dropped ({@code _routing.required}: documents keep their
 * routing values; {@code _all}; {@code include_in_all}). Fields that two types define differently are conflicts, listed
 * instead of resolved by guessing.
 *
 * @param mappings  the typeless mappings
 * @param conflicts one sentence per field or setting the types disagree on; empty when the translation is faithful
 */
public record MappingTranslation(Map<String, Object> mappings, List<String> conflicts) {
    private static final String DEFAULT_TYPE = "_default_";
    private static final String PROPERTIES = "properties";
    private static final Set<String> DROPPED_META = Set.of("_routing", "_all", "_timestamp", "_ttl");
    private static final Set<String> DROPPED_FIELD_PARAMETERS = Set.of("include_in_all");

    /**
     * @param mappings the {@code mappings} object of an index or template
     * @param typed    true when it comes from ES 5.6 or 6, keyed by mapping type
     */
    public static MappingTranslation of(Map<String, Object> mappings, boolean typed) {
        if (mappings == null || mappings.isEmpty()) {
            return new MappingTranslation(new LinkedHashMap<>(), List.of());
        }
        List<String> conflicts = new ArrayList<>();
        if (!typed) {
            return new MappingTranslation(cleaned(mappings, conflicts, "the mapping"), conflicts);
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<String, String> firstTypeOf = new LinkedHashMap<>();
        List<String> types =
                mappings.keySet().stream().filter(t -> !t.equals(DEFAULT_TYPE)).toList();
        List<String> used = types.isEmpty() && mappings.containsKey(DEFAULT_TYPE) ? List.of(DEFAULT_TYPE) : types;
        for (String type : used) {
            Map<String, Object> cleaned = cleaned(asMap(mappings.get(type)), conflicts, "type " + type);
            mergeInto(merged, cleaned, "", type, firstTypeOf, conflicts);
        }
        return new MappingTranslation(merged, conflicts);
    }

    private static Map<String, Object> cleaned(Map<String, Object> mapping, List<String> conflicts, String where) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : mapping.entrySet()) {
            String key = entry.getKey();
            if (DROPPED_META.contains(key)) {
                continue;
            }
            if (key.equals("_parent")) {
                conflicts.add(where + " has a _parent relation, which ES 7 replaced with join fields; copy this"
                        + " index by hand.");
                continue;
            }
            result.put(key, key.equals(PROPERTIES) ? cleanedFields(asMap(entry.getValue())) : entry.getValue());
        }
        return result;
    }

    private static Map<String, Object> cleanedFields(Map<String, Object> properties) {
        Map<String, Object> result = new LinkedHashMap<>();
        properties.forEach((name, definition) -> {
            Map<String, Object> field = new LinkedHashMap<>(asMap(definition));
            field.keySet().removeAll(DROPPED_FIELD_PARAMETERS);
            for (String nested : List.of(PROPERTIES, "fields")) {
                if (field.get(nested) instanceof Map<?, ?>) {
                    field.put(nested, cleanedFields(asMap(field.get(nested))));
                }
            }
            result.put(name, field);
        });
        return result;
    }

    /** Merges one type's mapping into the result, recording where the first definition of each path came from. */
    private static void mergeInto(
            Map<String, Object> into,
            Map<String, Object> from,
            String path,
            String type,
            Map<String, String> firstTypeOf,
            List<String> conflicts) {
        for (Map.Entry<String, Object> entry : from.entrySet()) {
            String key = entry.getKey();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            Object existing = into.get(key);
            if (existing == null) {
                into.put(key, entry.getValue());
                firstTypeOf.put(keyPath, type);
            } else if (key.equals("dynamic_templates")) {
                List<Object> templates = new ArrayList<>(asList(existing));
                asList(entry.getValue()).stream()
                        .filter(t -> !templates.contains(t))
                        .forEach(templates::add);
                into.put(key, templates);
            } else if (isObjectMapping(key, existing, entry.getValue())) {
                Map<String, Object> merged = new LinkedHashMap<>(asMap(existing));
                mergeInto(merged, asMap(entry.getValue()), keyPath, type, firstTypeOf, conflicts);
                into.put(key, merged);
            } else if (!Objects.equals(existing, entry.getValue())) {
                conflicts.add("'" + displayPath(keyPath) + "' is " + existing + " in type " + firstTypeOf.get(keyPath)
                        + " but " + entry.getValue() + " in type " + type + ".");
            }
        }
    }

    /** Properties, and fields that are objects in both types, merge key by key; anything else must be equal. */
    private static boolean isObjectMapping(String key, Object existing, Object incoming) {
        if (key.equals(PROPERTIES)) {
            return true;
        }
        return existing instanceof Map<?, ?> a
                && incoming instanceof Map<?, ?> b
                && a.containsKey(PROPERTIES)
                && b.containsKey(PROPERTIES)
                && !a.containsKey("type")
                && !b.containsKey("type");
    }

    private static String displayPath(String keyPath) {
        return keyPath.replace("properties.", "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
