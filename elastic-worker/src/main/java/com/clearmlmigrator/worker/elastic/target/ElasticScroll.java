package com.clearmlmigrator.worker.elastic.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.relink.StoredDocument;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
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
        // Pages are parsed into documents on the read-ahead thread, beside the work on the page before; straight into
        // maps, rather than into a tree converted to maps afterwards (two passes over every document).
        ReadAheadScroll.forEachPage(
                client,
                () -> page(
                        index,
                        client.sendForMap(
                                "POST",
                                "/" + index + "/_search?scroll=" + ReadAheadScroll.KEEP_ALIVE,
                                body.toString())),
                scrollId -> page(
                        index, client.sendForMap("POST", "/_search/scroll", ReadAheadScroll.nextPageBody(scrollId))),
                work);
    }

    @SuppressWarnings("unchecked")
    private static ReadAheadScroll.Page<List<StoredDocument>> page(String index, Map<String, Object> answer) {
        Object shards = answer.get("_shards");
        ShardFailures.check(
                index,
                shards == null ? MissingNode.getInstance() : JSON.valueToTree(shards),
                Boolean.TRUE.equals(answer.get("timed_out")));
        Object outer = answer.get("hits");
        List<Map<String, Object>> hits = outer instanceof Map<?, ?> map && map.get("hits") instanceof List<?> list
                ? (List<Map<String, Object>>) list
                : List.of();
        String scrollId = answer.get("_scroll_id") instanceof String id ? id : null;
        return new ReadAheadScroll.Page<>(scrollId, documents(hits), hits.isEmpty(), false);
    }

    @SuppressWarnings("unchecked")
    private static List<StoredDocument> documents(List<Map<String, Object>> hits) {
        List<StoredDocument> batch = new ArrayList<>(hits.size());
        for (Map<String, Object> hit : hits) {
            Map<String, Object> source =
                    hit.get("_source") instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
            Object type = hit.get("_type");
            EsDocumentHandle handle = new EsDocumentHandle(
                    type == null || type.equals("_doc") ? null : type.toString(),
                    hit.get("_routing") == null ? null : hit.get("_routing").toString(),
                    number(hit.get("_version")),
                    number(hit.get("_seq_no")),
                    number(hit.get("_primary_term")));
            batch.add(new StoredDocument(String.valueOf(hit.get("_id")), source, handle, handle.routing()));
        }
        return batch;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }
}
