package com.clearmlmigrator.worker.elastic.target;

import java.util.List;
import java.util.function.Consumer;

import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A (sliced) scroll over whole documents whose sources stay verbatim (see {@link RawHits}); always cleared. */
final class RawScroll {
    private static final String KEEP_ALIVE = "5m";

    private RawScroll() {}

    static void forEachPage(
            ElasticClient client, String index, Slice slice, int pageSize, Consumer<List<CopiedDocument>> work) {
        ObjectNode body = ElasticClient.JSON.createObjectNode().put("size", pageSize);
        body.putArray("sort").add("_doc");
        if (slice != null && slice.max() > 1) {
            body.putObject("slice").put("id", slice.id()).put("max", slice.max());
        }
        RawHits.Page page = RawHits.searchPage(
                index, client.sendForText("POST", "/" + index + "/_search?scroll=" + KEEP_ALIVE, body.toString()));
        String scrollId = page.scrollId();
        try {
            while (!page.documents().isEmpty()) {
                work.accept(page.documents());
                ObjectNode next = ElasticClient.JSON
                        .createObjectNode()
                        .put("scroll", KEEP_ALIVE)
                        .put("scroll_id", scrollId);
                page = RawHits.searchPage(index, client.sendForText("POST", "/_search/scroll", next.toString()));
                scrollId = page.scrollId() != null ? page.scrollId() : scrollId;
            }
        } finally {
            ObjectNode clear = ElasticClient.JSON.createObjectNode();
            clear.putArray("scroll_id").add(scrollId);
            client.send("DELETE", "/_search/scroll", clear.toString());
        }
    }
}
