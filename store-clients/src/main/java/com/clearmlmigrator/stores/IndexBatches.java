package com.clearmlmigrator.stores;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Asks a cluster about many indices in a few requests instead of one or more per index: a ClearML server keeps an
 * index per company and event type and one per month of statistics, hundreds after a few years, and per-index
 * requests made planning take seconds before the first task could start.
 */
public final class IndexBatches {
    /** The most characters of comma-joined names per request: well inside the 4 KB request line ES accepts. */
    static final int NAMES_CHARS_PER_REQUEST = 3000;

    private IndexBatches() {}

    /**
     * Reads {@code GET /<names>/<endpoint>} for every name, a batch of names per request, and hands each index's part
     * of the answer to {@code each}. Any of the indices missing fails the request, as a single GET would.
     *
     * @param endpoint for example {@code _mapping} or {@code _settings}
     */
    public static void forEach(
            ElasticClient client, Collection<String> names, String endpoint, BiConsumer<String, JsonNode> each) {
        for (List<String> batch : batches(names)) {
            JsonNode answer = client.get("/" + String.join(",", batch) + "/" + endpoint);
            batch.forEach(name -> each.accept(name, answer.path(name)));
        }
    }

    /**
     * The number of documents in each index, as exact as {@code _count}: one {@code _msearch} of size 0 per batch. ES 5.6
     * and 6 give exact totals; ES 7 and 8 give them up to 10,000 and a lower bound beyond, where {@code _count} asks
     * again for that index alone.
     */
    public static Map<String, Long> documentCounts(ElasticClient client, Collection<String> names) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (List<String> batch : batches(names)) {
            StringBuilder searches = new StringBuilder();
            for (String name : batch) {
                searches.append(ElasticClient.JSON.createObjectNode().put("index", name))
                        .append('\n');
                searches.append("{\"size\":0}\n");
            }
            JsonNode responses = client.multiSearch(searches.toString()).path("responses");
            for (int i = 0; i < batch.size(); i++) {
                String name = batch.get(i);
                long exact = exactTotal(responses.path(i).path("hits").path("total"));
                counts.put(name, exact >= 0 ? exact : count(client, name));
            }
        }
        return counts;
    }

    /** A number (ES 5.6, 6) or {@code {"value", "relation": "eq"}} (ES 7+); -1 for a lower bound or an error. */
    private static long exactTotal(JsonNode total) {
        if (total.isIntegralNumber()) {
            return total.asLong();
        }
        return total.path("relation").asText().equals("eq")
                ? total.path("value").asLong(-1)
                : -1;
    }

    /** The count of one index; an error (the index gone since it was listed) fails here with the cluster's words. */
    private static long count(ElasticClient client, String name) {
        return client.get("/" + name + "/_count").path("count").asLong();
    }

    /** The names in order, cut into lists whose comma-joined length stays within the limit (one name at least). */
    static List<List<String>> batches(Collection<String> names) {
        List<List<String>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int chars = 0;
        for (String name : names) {
            if (!batch.isEmpty() && chars + 1 + name.length() > NAMES_CHARS_PER_REQUEST) {
                batches.add(batch);
                batch = new ArrayList<>();
                chars = 0;
            }
            chars += (batch.isEmpty() ? 0 : 1) + name.length();
            batch.add(name);
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
