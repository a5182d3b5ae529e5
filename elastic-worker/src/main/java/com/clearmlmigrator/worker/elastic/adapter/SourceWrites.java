package com.clearmlmigrator.worker.elastic.adapter;

import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An index's write count: the documents its primary shards indexed and deleted, from its indexing stats (ES 5.6 to 8
 * answer alike). The count only grows while the shards stay where they are; the copy engine ({@code CopyEngine}) reads what it means.
 */
final class SourceWrites {
    private SourceWrites() {}

    static long count(ElasticClient source, String index) {
        JsonNode indexing = source.get("/" + index + "/_stats/indexing")
                .path("indices")
                .path(index)
                .path("primaries")
                .path("indexing");
        return indexing.path("index_total").asLong()
                + indexing.path("delete_total").asLong();
    }
}
