package com.clearmlmigrator.worker.elastic.inspect;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an index mapping says about the data, in any Elasticsearch version: ES 5.6 nests properties under mapping type
 * names ({@code _default_}, {@code event}, {@code stat}...), ES 7 and later have them at the top.
 *
 * @param types           mapping type names, empty for a typeless mapping
 * @param routingRequired whether any type requires {@code _routing}
 * @param urlFields       which URL-bearing ClearML fields the mapping has
 * @param textFields      which of ClearML's keyword fields the mapping has as text (see {@link #KEYWORD_FIELDS})
 */
public record MappingShape(
        List<String> types, boolean routingRequired, List<String> urlFields, List<String> textFields) {
    /** Fields a relink rewrites: debug-image URLs and plot JSON, plain or compressed. */
    public static final List<String> URL_FIELDS = List.of("url", "plot_str", "plot_data");

    /**
     * The fields ClearML's templates of every era map as keyword and its server aggregates or filters on: events,
     * logs, worker statistics and queue metrics. An index created before its template has them as dynamic text.
     */
    public static final List<String> KEYWORD_FIELDS =
            List.of("task", "metric", "variant", "type", "worker", "level", "category", "queue");

    /** Reads the {@code mappings} object of one index from a {@code GET /<index>/_mapping} answer. */
    public static MappingShape of(JsonNode mappings) {
        if (isTypeless(mappings)) {
            return new MappingShape(
                    List.of(), requiresRouting(mappings), urlFields(List.of(mappings)), textFields(List.of(mappings)));
        }
        List<String> types = new ArrayList<>();
        List<JsonNode> typeMappings = new ArrayList<>();
        boolean routing = false;
        for (Iterator<String> names = mappings.fieldNames(); names.hasNext(); ) {
            String type = names.next();
            types.add(type);
            typeMappings.add(mappings.get(type));
            routing |= requiresRouting(mappings.get(type));
        }
        return new MappingShape(List.copyOf(types), routing, urlFields(typeMappings), textFields(typeMappings));
    }

    /** A typeless mapping has its fields, or nothing, at the top; a typed one has only type names there. */
    private static boolean isTypeless(JsonNode mappings) {
        return mappings.isEmpty() || mappings.has("properties") || mappings.has("dynamic") || mappings.has("_source");
    }

    private static boolean requiresRouting(JsonNode mapping) {
        return mapping.path("_routing").path("required").asBoolean(false);
    }

    private static List<String> textFields(List<JsonNode> mappings) {
        return KEYWORD_FIELDS.stream()
                .filter(field -> mappings.stream()
                        .anyMatch(m -> m.path("properties")
                                .path(field)
                                .path("type")
                                .asText()
                                .equals("text")))
                .toList();
    }

    private static List<String> urlFields(List<JsonNode> mappings) {
        Set<String> present = new LinkedHashSet<>();
        for (String field : URL_FIELDS) {
            if (mappings.stream().anyMatch(m -> m.path("properties").has(field))) {
                present.add(field);
            }
        }
        return List.copyOf(present);
    }
}
