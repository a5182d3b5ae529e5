package com.clearmlmigrator.worker.elastic.target;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A (sliced) scroll over whole documents whose sources stay verbatim (see {@link RawHits}); always cleared. */
final class RawScroll {
    private RawScroll() {}

    static void forEachPage(
            ElasticClient client, String index, Slice slice, int pageSize, Consumer<List<CopiedDocument>> work) {
        ObjectNode body = ElasticClient.JSON.createObjectNode().put("size", pageSize);
        body.putArray("sort").add("_doc");
        if (slice != null && slice.max() > 1) {
            body.putObject("slice").put("id", slice.id()).put("max", slice.max());
        }
        // Pages are parsed one after the other (on the read-ahead thread or this one), never two at once.
        AtomicLong read = new AtomicLong();
        ReadAheadScroll.forEachPage(
                client,
                () -> page(
                        RawHits.searchPage(
                                index,
                                client.sendForText(
                                        "POST",
                                        "/" + index + "/_search?scroll=" + ReadAheadScroll.KEEP_ALIVE,
                                        body.toString())),
                        read),
                scrollId -> page(
                        RawHits.searchPage(
                                index,
                                client.sendForText("POST", "/_search/scroll", ReadAheadScroll.nextPageBody(scrollId))),
                        read),
                work);
    }

    /**
     * A page, marked last once the scroll's exact total has been read: most ClearML indices are smaller than a page, and
     * their copy and verification each save the round trip that would only fetch the empty page.
     */
    private static ReadAheadScroll.Page<List<CopiedDocument>> page(RawHits.Page page, AtomicLong read) {
        long readSoFar = read.addAndGet(page.documents().size());
        boolean last = page.exactTotal() != RawHits.UNKNOWN_TOTAL && readSoFar >= page.exactTotal();
        return new ReadAheadScroll.Page<>(
                page.scrollId(), page.documents(), page.documents().isEmpty(), last);
    }
}
