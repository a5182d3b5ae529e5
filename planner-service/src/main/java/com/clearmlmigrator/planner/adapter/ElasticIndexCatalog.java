package com.clearmlmigrator.planner.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.ClearmlIndices;
import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.planner.catalog.IndexCatalog;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.stores.IndexBatches;
import com.fasterxml.jackson.databind.JsonNode;

/** Lists ClearML's indices in a user's cluster with {@code _cat/indices}, which ES 5.6 to 8 all answer alike. */
@ApplicationScoped
public class ElasticIndexCatalog implements IndexCatalog {
    private static final List<String> WRITE_BLOCKS = List.of("index.blocks.write", "index.blocks.read_only");

    private final ElasticConnections connections;
    private final OpeningShards openingShards;

    public ElasticIndexCatalog(ElasticConnections connections, OpeningShards openingShards) {
        this.connections = connections;
        this.openingShards = openingShards;
    }

    @Override
    public List<String> clearmlIndices(ElasticEndpoint endpoint) {
        JsonNode rows = rowsOnceOpen(endpoint);
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.path("index").asText()));
        return names.stream().filter(ClearmlIndices::isClearmlIndex).sorted().toList();
    }

    @Override
    public Map<String, String> unreadableClearmlIndices(ElasticEndpoint endpoint) {
        JsonNode rows = rowsOnceOpen(endpoint);
        Map<String, String> unreadable = new TreeMap<>();
        for (JsonNode row : rows) {
            String name = row.path("index").asText();
            String why = CatIndexRow.unreadable(row);
            if (why != null && ClearmlIndices.isClearmlIndex(name)) {
                unreadable.put(name, why);
            }
        }
        return unreadable;
    }

    /**
     * The cluster's indices with their status and health, read once it has opened ClearML's: right after a start they
     * are red, and would be refused as lost, or inspected as empty.
     */
    private JsonNode rowsOnceOpen(ElasticEndpoint endpoint) {
        return openingShards.catIndicesOnceOpen(
                connections.client(endpoint),
                "/_cat/indices?format=json&h=index,status,health",
                ClearmlIndices::isClearmlIndex,
                String.valueOf(endpoint.hosts()));
    }

    @Override
    public Map<String, String> writeBlockedIndices(ElasticEndpoint endpoint, List<String> indices) {
        Map<String, String> blocked = new TreeMap<>();
        IndexBatches.forEach(connections.client(endpoint), indices, "_settings?flat_settings=true", (name, answer) -> {
            JsonNode settings = answer.path("settings");
            WRITE_BLOCKS.stream()
                    .filter(block -> settings.path(block).asText().equals("true"))
                    .findFirst()
                    .ifPresent(block -> blocked.put(name, block));
        });
        return blocked;
    }

    @Override
    public Map<String, Long> documentCounts(ElasticEndpoint endpoint, List<String> indices) {
        return IndexBatches.documentCounts(connections.client(endpoint), indices);
    }
}
