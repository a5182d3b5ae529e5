package com.clearmlmigrator.planner.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.TaskFailedException;

/** A server and a cluster described by maps, for planning tests. */
public final class FakeCatalog implements CollectionCatalog, IndexCatalog {
    private final Map<String, List<String>> collectionsByDatabase;
    private final Map<String, Long> documentsByIndex;
    private final Map<String, List<String>> boundariesByCollection;
    private Map<String, String> unreadableIndices = Map.of();
    private Map<String, String> writeBlockedIndices = Map.of();
    private Map<String, Long> documentsByCollection = Map.of();

    public FakeCatalog(
            Map<String, List<String>> collectionsByDatabase,
            Map<String, Long> documentsByIndex,
            Map<String, List<String>> boundariesByCollection) {
        this.collectionsByDatabase = collectionsByDatabase;
        this.documentsByIndex = documentsByIndex;
        this.boundariesByCollection = boundariesByCollection;
    }

    @Override
    public List<String> collections(MongoEndpoint endpoint) {
        return collectionsByDatabase.getOrDefault(endpoint.database(), List.of());
    }

    @Override
    public List<String> databases(MongoEndpoint endpoint) {
        return List.copyOf(collectionsByDatabase.keySet());
    }

    /** Gives collections their document counts; a collection left out has none. */
    public FakeCatalog withCollectionDocuments(Map<String, Long> documents) {
        this.documentsByCollection = documents;
        return this;
    }

    @Override
    public long documents(MongoEndpoint endpoint, String collection) {
        return documentsByCollection.getOrDefault(collection, 0L);
    }

    @Override
    public CollectionChunks chunks(MongoEndpoint endpoint, String collection, int chunkSize) {
        return new CollectionChunks(
                documentsByCollection.getOrDefault(collection, 0L),
                boundariesByCollection.getOrDefault(collection, List.of()));
    }

    @Override
    public List<String> clearmlIndices(ElasticEndpoint endpoint) {
        return documentsByIndex.keySet().stream().sorted().toList();
    }

    /** Marks indices as closed or red. */
    public FakeCatalog withUnreadable(Map<String, String> why) {
        this.unreadableIndices = why;
        return this;
    }

    @Override
    public Map<String, String> unreadableClearmlIndices(ElasticEndpoint endpoint) {
        return unreadableIndices;
    }

    /** Marks indices as taking no writes, each with its block. */
    public FakeCatalog withWriteBlocked(Map<String, String> blocks) {
        this.writeBlockedIndices = blocks;
        return this;
    }

    @Override
    public Map<String, String> writeBlockedIndices(ElasticEndpoint endpoint, List<String> indices) {
        Map<String, String> blocked = new java.util.TreeMap<>(writeBlockedIndices);
        blocked.keySet().retainAll(indices);
        return blocked;
    }

    /** As a cluster answers the count of a closed or red index: with an error. */
    @Override
    public Map<String, Long> documentCounts(ElasticEndpoint endpoint, List<String> indices) {
        indices.stream().filter(unreadableIndices::containsKey).findFirst().ifPresent(index -> {
            throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, index + " cannot be counted");
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        indices.forEach(index -> counts.put(index, documentsByIndex.get(index)));
        return counts;
    }
}
