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
 * (measured). Plot documents carry plots of up to megabytes, so their pages stay small to bound the worker's memory:
 * 50, as the read-ahead holds two pages at once.
 */
final class ElasticScroll {
    private static final int PAGE = 2_000;
    private static final int PLOT_PAGE = 50;
    // The client's mapper: numbers are read and written back exactly, so a whole document is indexed as it was read.
    private static final ObjectMapper JSON = ElasticClient.JSON;

    private ElasticScroll() {}

    /**
     * Every document of the slice in batches.
     *
     * @param fields the top-level fields to read, or null for whole documents
     * @param query  a search body holding the query that selects the documents, or null for all of them
     */
    static void forEachBatch(
            ElasticClient client,
            String index,
            Slice slice,
            List<String> fields,
            ObjectNode query,
            int major,
            Consumer<List<StoredDocument>> work) {
        ObjectNode body = query == null ? JSON.createObjectNode() : query.deepCopy();
        if (fields != null) {
            fields.forEach(body.putArray("_source")::add);
        }
        // ES 5.6 guards writes with _version; ES 7 and later with sequence numbers.
        body.put(major >= 7 ? "seq_no_primary_term" : "version", true);
        int pageSize = index.startsWith("events-plot-") ? PLOT_PAGE : PAGE;
        body.put("size", pageSize);
        body.putArray("sort").add("_doc");
        if (slice != null && slice.max() > 1) {
            body.putObject("slice").put("id", slice.id()).put("max", slice.max());
        }
        // Pages are parsed into documents on the read-ahead thread, beside the work on the page before.
        ReadAheadScroll.forEachPage(
                client,
                () -> page(client.send(
                        "POST", "/" + index + "/_search?scroll=" + ReadAheadScroll.KEEP_ALIVE, body.toString())),
                scrollId -> page(client.send("POST", "/_search/scroll", ReadAheadScroll.nextPageBody(scrollId))),
                work);
    }

    private static ReadAheadScroll.Page<List<StoredDocument>> page(JsonNode answer) {
        JsonNode hits = answer.path("hits").path("hits");
        String scrollId =
                answer.hasNonNull("_scroll_id") ? answer.get("_scroll_id").asText() : null;
        return new ReadAheadScroll.Page<>(scrollId, documents(hits), hits.size() == 0);
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
