package com.clearmlmigrator.worker.elastic.target;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drives a scroll so that the next page is fetched and parsed while the caller works on the current one. Read and
 * write then overlap: the cluster answers the scroll on its search threads while the worker journals and writes the
 * page before, instead of each side waiting for the other's round trip. (On the 2-core test machine, where every
 * process shares the same cores, the gain stayed within the noise; it is the network wait to a remote cluster that it
 * hides.) At most two pages are held at once. The scroll is always cleared, after any page still in flight has arrived.
 */
final class ReadAheadScroll {
    static final String KEEP_ALIVE = "5m";

    private static final ExecutorService READERS = BackgroundWork.threads("scroll-read-ahead");

    private ReadAheadScroll() {}

    /**
     * One parsed page.
     *
     * @param scrollId the scroll to continue; null when the answer did not repeat it
     * @param content  what the caller works on
     * @param empty    true when the scroll has no more documents
     * @param last     true when no page follows this one, as the scroll's exact total shows; the empty page that would
     *                 say so is then never asked for
     */
    record Page<T>(String scrollId, T content, boolean empty, boolean last) {}

    /**
     * @param first the first page (the search that opens the scroll)
     * @param next  the page that follows, given the scroll id
     * @param work  what to do with each non-empty page, in order
     */
    static <T> void forEachPage(
            ElasticClient client, Supplier<Page<T>> first, Function<String, Page<T>> next, Consumer<T> work) {
        Page<T> page = first.get();
        String scrollId = page.scrollId();
        Future<Page<T>> ahead = null;
        try {
            while (!page.empty()) {
                if (page.last()) {
                    work.accept(page.content());
                    break;
                }
                String current = scrollId;
                ahead = READERS.submit(() -> next.apply(current));
                work.accept(page.content());
                page = BackgroundWork.await(ahead);
                ahead = null;
                scrollId = page.scrollId() != null ? page.scrollId() : scrollId;
            }
        } finally {
            if (ahead != null) {
                // So the scroll is not cleared under a request still running.
                BackgroundWork.settle(ahead);
            }
            clear(client, scrollId);
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
        ObjectNode clear = ElasticClient.JSON.createObjectNode();
        clear.putArray("scroll_id").add(scrollId);
        client.send("DELETE", "/_search/scroll", clear.toString());
    }
}
