package com.clearmlmigrator.worker.elastic.target;

import java.util.List;
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
        ReadAheadScroll.forEachPage(
                client,
                () -> page(RawHits.searchPage(
                        index,
                        client.sendForText(
                                "POST",
                                "/" + index + "/_search?scroll=" + ReadAheadScroll.KEEP_ALIVE,
                                body.toString()))),
                scrollId -> page(RawHits.searchPage(
                        index, client.sendForText("POST", "/_search/scroll", ReadAheadScroll.nextPageBody(scrollId)))),
                work);
    }

    private static ReadAheadScroll.Page<List<CopiedDocument>> page(RawHits.Page page) {
        return new ReadAheadScroll.Page<>(
                page.scrollId(), page.documents(), page.documents().isEmpty());
    }
}
