package com.clearmlmigrator.worker.elastic.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.clearmlmigrator.relink.FieldRule;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A query for the documents that may still hold a reference to the old prefix, so the check after a relink reads those
 * instead of the whole slice again (for 100,000 debug images: no document instead of all of them).
 *
 * <p>Only where the index itself can answer exactly: every rule a whole-value URL in a plain {@code keyword} field
 * (indexed whole, no {@code ignore_above} that would leave long values out of the index). The query is a superset of
 * the matches (the old prefix without its trailing slash, any case), and the worker still checks each document it
 * finds. Anything else (free text, plots, unmapped fields, wildcard paths) gets no query: the slice is read whole.
 */
final class ReferenceCandidates {
    private static final String REGEXP_RESERVED = ".?+*|{}[]()\"\\#@&<>~";

    private ReferenceCandidates() {}

    /** The query for these rules' fields, each old prefix a spelling of the relink's (see the link rewriter's). */
    static Optional<ObjectNode> query(
            ElasticClient client, String index, List<FieldRule> rules, List<String> oldPrefixes) {
        if (rules.isEmpty()
                || rules.stream()
                        .anyMatch(rule -> rule.kind() != FieldRule.ValueKind.URL
                                || rule.path().contains("*"))) {
            return Optional.empty();
        }
        List<String> paths = rules.stream().map(FieldRule::path).distinct().toList();
        return forMappings(client.get("/" + index + "/_mapping/field/" + String.join(",", paths)), paths, oldPrefixes);
    }

    /** The query for these field paths, given the index's answer to {@code GET _mapping/field/<paths>}. */
    static Optional<ObjectNode> forMappings(JsonNode mappings, List<String> paths, List<String> oldPrefixes) {
        if (!paths.stream().allMatch(path -> isWholeKeyword(mappings, path))) {
            return Optional.empty();
        }
        ObjectNode query = ElasticClient.JSON.createObjectNode();
        ObjectNode bool = query.putObject("query").putObject("bool");
        ArrayNode should = bool.putArray("should");
        for (String prefix : oldPrefixes) {
            String pattern = caseInsensitiveLiteral(withoutTrailingSlash(prefix)) + ".*";
            paths.forEach(path ->
                    should.addObject().putObject("regexp").putObject(path).put("value", pattern));
        }
        bool.put("minimum_should_match", 1);
        return Optional.of(query);
    }

    /**
     * True when every mapping of the field (ES 5.6 answers per mapping type) is a {@code keyword} without
     * {@code ignore_above}; false when the field is not mapped at all (its values may sit in a disabled object).
     */
    private static boolean isWholeKeyword(JsonNode mappings, String path) {
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        List<JsonNode> found = new ArrayList<>();
        mappings.forEach(indexNode -> collect(indexNode.path("mappings"), path, found));
        return !found.isEmpty()
                && found.stream().allMatch(field -> {
                    JsonNode mapping = field.path("mapping").path(leaf);
                    return mapping.path("type").asText().equals("keyword") && !mapping.has("ignore_above");
                });
    }

    /** ES 7 lists fields under {@code mappings}; ES 5.6 under {@code mappings.<type>}. */
    private static void collect(JsonNode mappings, String path, List<JsonNode> found) {
        if (mappings.has(path) && mappings.get(path).has("full_name")) {
            found.add(mappings.get(path));
            return;
        }
        mappings.forEach(type -> {
            if (type.has(path)) {
                found.add(type.get(path));
            }
        });
    }

    private static String withoutTrailingSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /** A Lucene regular expression matching the text literally, letters in either case. */
    static String caseInsensitiveLiteral(String text) {
        StringBuilder pattern = new StringBuilder();
        text.codePoints().forEach(c -> {
            int lower = Character.toLowerCase(c);
            int upper = Character.toUpperCase(c);
            if (lower != upper) {
                pattern.append('[')
                        .appendCodePoint(lower)
                        .appendCodePoint(upper)
                        .append(']');
            } else if (REGEXP_RESERVED.indexOf(c) >= 0) {
                pattern.append('\\').appendCodePoint(c);
            } else {
                pattern.appendCodePoint(c);
            }
        });
        return pattern.toString();
    }
}
