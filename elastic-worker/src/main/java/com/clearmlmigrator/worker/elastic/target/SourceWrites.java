package com.clearmlmigrator.worker.elastic.target;

import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An index's write count: the documents its primary shards indexed and deleted, from its indexing stats (ES 5.6 to 8
 * answer alike). The count only grows while the shards stay where they are, so read before a copy's scroll opens and
 * again once the source is sealed it tells whether the copy may have missed a write. A count that moved for another
 * reason (a shard restarted or relocated) reads the same: a false alarm that asks for a new copy, never a missed write.
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
