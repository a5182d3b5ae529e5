package com.clearmlmigrator.planner.catalog;

import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.ElasticEndpoint;

/** Lists what a ClearML Elasticsearch cluster holds. */
public interface IndexCatalog {
    /**
     * The names of the ClearML indices (events, worker and queue statistics), sorted, so plans are deterministic; read
     * once Elasticsearch has opened their shards, when it has just started.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the cluster is unreachable or refuses
     */
    List<String> clearmlIndices(ElasticEndpoint endpoint);

    /**
     * The ClearML indices a reader would not see whole, each with why: {@code closed}, or {@code red} when a primary
     * shard is unassigned (a search then answers from the other shards without counting the missing one as failed).
     */
    Map<String, String> unreadableClearmlIndices(ElasticEndpoint endpoint);

    /**
     * Of these indices, those a write block keeps from taking writes, each with its block ({@code index.blocks.write}
     * or {@code index.blocks.read_only}). A flood-stage block ({@code read_only_allow_delete}) is not one of them:
     * Elasticsearch 7.4 and later lift it once the disk has room, and a relink that meets it pauses until then.
     */
    Map<String, String> writeBlockedIndices(ElasticEndpoint endpoint, List<String> indices);

    /** The number of documents in each of these indices. */
    Map<String, Long> documentCounts(ElasticEndpoint endpoint, List<String> indices);
}
