package com.clearmlmigrator.worker.elastic.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads an index whose documents may weigh megabytes each (plots): a scroll of ids only, then the sources a few at a
 * time with {@code _mget}, as many as {@link #GROUP_BYTES} hold at the sizes seen so far. Elasticsearch builds every
 * answer whole in its heap: a scroll page of 50 plots of 5 MB tripped ES 7's circuit breaker on a 512 MB node ("Data
 * too large"), and a page of 50 plots of 50 MB would need more heap than ClearML's compose gives it. This way no answer
 * holds more than a group, or one document.
 */
final class SourcesById {
    static final int ID_PAGE = 200;
    static final long GROUP_BYTES = 16L * 1024 * 1024;
    private static final int LARGEST_GROUP = 200;

    private final ElasticClient client;
    private final String index;
    private final HitReader.Mode mode;
    private final DocumentLimits limits;
    private final HitReader.Sink sink;
    private final List<String> fields;
    private long bytesSeen;
    private long documentsSeen;

    /**
     * @param mode   how the sources are read: bytes for a copy, maps for a relink
     * @param fields the top-level fields to read, or null for whole documents
     */
    SourcesById(
            ElasticClient client,
            String index,
            HitReader.Mode mode,
            DocumentLimits limits,
            List<String> fields,
            HitReader.Sink sink) {
        this.client = client;
        this.index = index;
        this.mode = mode;
        this.limits = limits;
        this.fields = fields;
        this.sink = sink;
    }

    /**
     * Every document the search finds, its source fetched by id.
     *
     * @param search       the search body (query, sort, slice); its size and {@code _source} are replaced
     * @param betweenPages told how many documents each page of ids held, once they were all handed to the sink
     */
    void forEachHit(ObjectNode search, IntConsumer betweenPages) {
        ObjectNode ids = search.deepCopy().put("size", ID_PAGE).put("_source", false);
        List<Hit> page = new ArrayList<>();
        StreamingScroll.forEachHit(client, index, ids, HitReader.Mode.IDS, limits, page::add, pageHits -> {
            fetch(page);
            page.clear();
            betweenPages.accept(pageHits);
        });
    }

    private void fetch(List<Hit> ids) {
        int from = 0;
        while (from < ids.size()) {
            int group = groupSize();
            List<Hit> part = ids.subList(from, Math.min(ids.size(), from + group));
            client.stream(
                    "POST",
                    "/" + index + "/_mget",
                    body(part).toString(),
                    answer -> HitReader.mget(answer, index, mode, limits, hit -> {
                        bytesSeen += hit.size();
                        documentsSeen++;
                        sink.accept(hit);
                    }));
            from += part.size();
        }
    }

    /** As many documents as the group's bytes hold at the average size seen so far; one until a size is known. */
    private int groupSize() {
        if (documentsSeen == 0) {
            return 1;
        }
        long average = Math.max(1, bytesSeen / documentsSeen);
        return (int) Math.max(1, Math.min(LARGEST_GROUP, GROUP_BYTES / average));
    }

    private ObjectNode body(List<Hit> part) {
        boolean typedRouting = client.majorVersion() < 7;
        ObjectNode body = ElasticClient.JSON.createObjectNode();
        ArrayNode docs = body.putArray("docs");
        for (Hit hit : part) {
            ObjectNode doc = docs.addObject().put("_id", hit.id());
            if (hit.type() != null) {
                doc.put("_type", hit.type());
            }
            if (hit.routing() != null) {
                doc.put(typedRouting ? "_routing" : "routing", hit.routing());
            }
            if (fields != null) {
                fields.forEach(doc.putArray("_source")::add);
            }
        }
        return body;
    }
}
