package com.clearmlmigrator.worker.elastic.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.relink.StoredDocument;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one slice of an index in batches with a (sliced) scroll, keeping what conditional writes need.
 *
 * <p>Pages are large: every scroll page of a slice filters the whole index again and decompresses the stored-field
 * blocks its hits sit in, so on ES 7.10 one page of 2,000 costs the server about a fifth of four pages of 500
 * (measured). Plot documents carry plots of up to megabytes, so their pages stay small to bound the worker's memory.
 */
final class ElasticScroll {
    private static final int PAGE = 2_000;
    private static final int PLOT_PAGE = 100;
    private static final String KEEP_ALIVE = "5m";
    // The client's mapper: numbers are read and written back exactly, so a whole document is indexed as it was read.
    private static final ObjectMapper JSON = ElasticClient.JSON;

    private ElasticScroll() {}

    /**
     * Every document of the slice in batches.
     *
     * @param fields the top-level fields to read, or null for whole documents
     */
    static void forEachBatch(
            ElasticClient client,
            String index,
            Slice slice,
            List<String> fields,
            int major,
            Consumer<List<StoredDocument>> work) {
        ObjectNode body = JSON.createObjectNode();
        if (fields != null) {
            fields.forEach(body.putArray("_source")::add);
        }
        // ES 5.6 guards writes with _version; ES 7 and later with sequence numbers.
        body.put(major >= 7 ? "seq_no_primary_term" : "version", true);
        int pageSize = index.startsWith("events-plot-") ? PLOT_PAGE : PAGE;
        forEachPage(client, index, slice, pageSize, body, hits -> work.accept(documents(hits)));
    }

    /**
     * Reads every hit of one slice (or of the whole index when {@code slice} is null) in pages of {@code pageSize},
     * in index order, and always clears the scroll.
     *
     * @param query the search body to start from (source filtering, version flags); size, sort and slice are added
     */
    static void forEachPage(
            ElasticClient client, String index, Slice slice, int pageSize, ObjectNode query, Consumer<JsonNode> work) {
        ObjectNode body = query.deepCopy();
        body.put("size", pageSize);
        body.putArray("sort").add("_doc");
        if (slice != null && slice.max() > 1) {
            body.putObject("slice").put("id", slice.id()).put("max", slice.max());
        }
        JsonNode page = client.send("POST", "/" + index + "/_search?scroll=" + KEEP_ALIVE, body.toString());
        String scrollId = page.path("_scroll_id").asText();
        try {
            while (page.path("hits").path("hits").size() > 0) {
                work.accept(page.path("hits").path("hits"));
                ObjectNode next =
                        JSON.createObjectNode().put("scroll", KEEP_ALIVE).put("scroll_id", scrollId);
                page = client.send("POST", "/_search/scroll", next.toString());
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            ObjectNode clear = JSON.createObjectNode();
            clear.putArray("scroll_id").add(scrollId);
            client.send("DELETE", "/_search/scroll", clear.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<StoredDocument> documents(JsonNode hits) {
        List<StoredDocument> batch = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            Map<String, Object> source = hit.has("_source")
                    ? JSON.convertValue(hit.get("_source"), LinkedHashMap.class)
                    : new LinkedHashMap<>();
            EsDocumentHandle handle = new EsDocumentHandle(
                    hit.path("_type").isMissingNode()
                                    || hit.path("_type").asText().equals("_doc")
                            ? null
                            : hit.path("_type").asText(),
                    hit.hasNonNull("_routing") ? hit.get("_routing").asText() : null,
                    hit.path("_version").asLong(-1),
                    hit.path("_seq_no").asLong(-1),
                    hit.path("_primary_term").asLong(-1));
            batch.add(new StoredDocument(hit.path("_id").asText(), source, handle, handle.routing()));
        }
        return batch;
    }
}
