package com.clearmlmigrator.worker.elastic.adapter;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.IndexInspection;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.worker.elastic.inspect.IndexInspector;
import com.clearmlmigrator.worker.elastic.inspect.MappingShape;
import com.fasterxml.jackson.databind.JsonNode;

/** Inspects an index with the read-only REST calls that ES 5.6, 7 and 8 answer alike. */
@ApplicationScoped
public class ElasticIndexInspector implements IndexInspector {
    private final ElasticConnections connections;

    public ElasticIndexInspector(ElasticConnections connections) {
        this.connections = connections;
    }

    @Override
    public IndexInspection inspect(ElasticEndpoint endpoint, String index) {
        ElasticClient client = connections.client(endpoint);
        String version = client.get("/").path("version").path("number").asText();
        JsonNode primaries = client.get("/" + index + "/_stats/docs,store")
                .path("indices")
                .path(index)
                .path("primaries");
        MappingShape shape = MappingShape.of(
                client.get("/" + index + "/_mapping").path(index).path("mappings"));
        return new IndexInspection(
                index,
                primaries.path("docs").path("count").asLong(),
                primaries.path("store").path("size_in_bytes").asLong(),
                version,
                shape.types(),
                shape.routingRequired(),
                shape.urlFields());
    }
}
