package com.clearmlmigrator.worker.elastic.adapter;

import java.util.function.IntConsumer;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drives a (sliced) scroll page by page, each page read while it arrives ({@link HitReader}), so a page of plots costs
 * the worker one document's memory, not the page's. Between pages, and never while an answer is open, {@code
 * betweenPages} runs (progress, pacing). The scroll stops once it has read the scroll's exact total, saving the round
 * trip that would only fetch the empty page, and is cleared unless the cluster stopped answering.
 */
final class StreamingScroll {
    private static final Logger LOG = Logger.getLogger(StreamingScroll.class);
    static final String KEEP_ALIVE = "5m";
    // A scroll of ids for plot indices waits while the sources of a page are fetched, a few plots at a time.
    private static final String IDS_KEEP_ALIVE = "30m";

    private StreamingScroll() {}

    /**
     * Every document the search finds, read the way its index needs: plot indices, whose documents may weigh megabytes,
     * by ids first and sources a few at a time ({@link SourcesById}); every other index page by page.
     *
     * @param fields the top-level fields to read, or null for whole documents
     */
    static void forEachDocument(
            ElasticClient client,
            String index,
            ObjectNode search,
            HitReader.Mode mode,
            DocumentLimits limits,
            java.util.List<String> fields,
            HitReader.Sink sink,
            IntConsumer betweenPages) {
        if (index.startsWith("events-plot-")) {
            new SourcesById(client, index, mode, limits, fields, sink).forEachHit(search, betweenPages);
            return;
        }
        ObjectNode body = search;
        if (fields != null) {
            body = search.deepCopy();
            fields.forEach(body.putArray("_source")::add);
        }
        forEachHit(client, index, body, mode, limits, sink, betweenPages);
    }

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
            String keepAlive = mode == HitReader.Mode.IDS ? IDS_KEEP_ALIVE : KEEP_ALIVE;
            HitReader.Answer page = client.stream(
                    "POST",
                    "/" + index + "/_search?scroll=" + keepAlive,
                    search.toString(),
                    body -> HitReader.searchPage(body, index, mode, limits, sink, seen));
            long read = page.hits();
            betweenPages.accept(page.hits());
            while (page.hits() > 0 && !(page.exactTotal() != HitReader.UNKNOWN_TOTAL && read >= page.exactTotal())) {
                String current = scrollId[0];
                page = client.stream(
                        "POST",
                        "/_search/scroll",
                        nextPageBody(current, keepAlive),
                        body -> HitReader.searchPage(body, index, mode, limits, sink, seen));
                read += page.hits();
                betweenPages.accept(page.hits());
            }
        } catch (TaskFailedException e) {
            if (e.reason() == FailureReason.TARGET_UNAVAILABLE) {
                // The cluster did not answer: a clear would wait as long (two more minutes on a frozen node), and the
                // scroll expires after its keep-alive anyway.
                scrollId[0] = null;
            }
            throw e;
        } finally {
            clear(client, index, scrollId[0]);
        }
    }

    /** The body of the request for the page after {@code scrollId}. */
    static String nextPageBody(String scrollId, String keepAlive) {
        return ElasticClient.JSON
                .createObjectNode()
                .put("scroll", keepAlive)
                .put("scroll_id", scrollId)
                .toString();
    }

    /**
     * Frees the scroll's search context on the cluster, as a courtesy: the scroll expires after its keep-alive anyway.
     * A clear refused (a node short of heap answered 429 to one, under a copy) neither fails a scroll that read every
     * page nor hides why one stopped.
     */
    private static void clear(ElasticClient client, String index, String scrollId) {
        if (scrollId == null) {
            return;
        }
        ObjectNode clear = ElasticClient.JSON.createObjectNode();
        clear.putArray("scroll_id").add(scrollId);
        try {
            client.send("DELETE", "/_search/scroll", clear.toString());
        } catch (RuntimeException e) {
            LOG.infof("The scroll of %s was left to expire (%s): %s", index, KEEP_ALIVE, e.getMessage());
        }
    }
}
