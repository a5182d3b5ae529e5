package com.clearmlmigrator.worker.elastic.target;

import java.util.function.IntConsumer;

import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drives a (sliced) scroll page by page, each page read while it arrives ({@link HitReader}), so a page of plots costs
 * the worker one document's memory, not the page's. Between pages, and never while an answer is open, {@code
 * betweenPages} runs (progress, pacing). The scroll stops once it has read the scroll's exact total, saving the round
 * trip that would only fetch the empty page, and is always cleared.
 */
final class StreamingScroll {
    static final String KEEP_ALIVE = "5m";

    private StreamingScroll() {}

    /**
     * @param search       the search body: query, sort, size, slice and what to read of each document
     * @param betweenPages told how many documents each page held, once they were all handed to the sink
     */
    static void forEachHit(
            ElasticClient client,
            String index,
            ObjectNode search,
            HitReader.Mode mode,
            DocumentLimits limits,
            HitReader.Sink sink,
            IntConsumer betweenPages) {
        String[] scrollId = {null};
        java.util.function.Consumer<String> seen = id -> scrollId[0] = id;
        try {
            HitReader.Answer page = client.stream(
                    "POST",
                    "/" + index + "/_search?scroll=" + KEEP_ALIVE,
                    search.toString(),
                    body -> HitReader.searchPage(body, index, mode, limits, sink, seen));
            long read = page.hits();
            betweenPages.accept(page.hits());
            while (page.hits() > 0 && !(page.exactTotal() != HitReader.UNKNOWN_TOTAL && read >= page.exactTotal())) {
                String current = scrollId[0];
                page = client.stream(
                        "POST",
                        "/_search/scroll",
                        nextPageBody(current),
                        body -> HitReader.searchPage(body, index, mode, limits, sink, seen));
                read += page.hits();
                betweenPages.accept(page.hits());
            }
        } finally {
            clear(client, scrollId[0]);
        }
    }

    /** The body of the request for the page after {@code scrollId}. */
    static String nextPageBody(String scrollId) {
        return ElasticClient.JSON
                .createObjectNode()
                .put("scroll", KEEP_ALIVE)
                .put("scroll_id", scrollId)
                .toString();
    }

    private static void clear(ElasticClient client, String scrollId) {
        if (scrollId == null) {
            return;
        }
        ObjectNode clear = ElasticClient.JSON.createObjectNode();
        clear.putArray("scroll_id").add(scrollId);
        client.send("DELETE", "/_search/scroll", clear.toString());
    }
}
