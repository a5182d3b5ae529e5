package com.clearmlmigrator.worker.elastic.adapter;

import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.IndexInspection;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.relink.DocumentRelinker;
import com.clearmlmigrator.relink.UrlCensus;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.ElasticConnections;
import com.clearmlmigrator.worker.elastic.inspect.IndexInspector;
import com.clearmlmigrator.worker.elastic.inspect.MappingShape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Inspects an index with the read-only REST calls that ES 5.6, 7 and 8 answer alike, and reads the fields that may hold
 * references for the census of their URL origins.
 */
@ApplicationScoped
public class ElasticIndexInspector implements IndexInspector {
    private static final int PAGE = 2_000;

    private final ElasticConnections connections;
    private final DocumentLimits limits;

    public ElasticIndexInspector(ElasticConnections connections, DocumentLimits limits) {
        this.connections = connections;
        this.limits = limits;
    }

    @Override
    public IndexInspection inspect(ElasticEndpoint endpoint, String index, LongConsumer scanned) {
        ElasticClient client = connections.client(endpoint);
        String version = client.get("/").path("version").path("number").asText();
        requireReadable(client, index);
        JsonNode primaries = client.get("/" + index + "/_stats/docs,store")
                .path("indices")
                .path(index)
                .path("primaries");
        MappingShape shape = MappingShape.of(
                client.get("/" + index + "/_mapping").path(index).path("mappings"));
        long documents = primaries.path("docs").path("count").asLong();
        UrlCensus census = UrlCensus.ofIndex(index);
        if (!census.isEmpty() && documents > 0) {
            take(client, index, census, scanned);
        }
        return new IndexInspection(
                index,
                documents,
                primaries.path("store").path("size_in_bytes").asLong(),
                version,
                shape.types(),
                shape.routingRequired(),
                shape.urlFields(),
                census.counts(),
                census.unreadablePlots(),
                shape.textFields());
    }

    /**
     * A red index (its primary not open) has no primary statistics, and a closed one answers none: either would be
     * reported as empty, and its references left out of the census the operator picks {@code --from} by.
     */
    private static void requireReadable(ElasticClient client, String index) {
        JsonNode row = client.get("/_cat/indices/" + index + "?format=json&h=status,health")
                .path(0);
        String why = !row.path("status").asText("open").equals("open")
                ? "is closed, so its documents can be neither counted nor read. Open it (POST /" + index + "/_open)"
                : "red".equals(row.path("health").asText())
                        ? "is red: its primary shard is not open, so its documents can be neither counted nor read."
                                + " Bring the shard back (GET /_cluster/allocation/explain says why it is unassigned)"
                        : null;
        if (why != null) {
            throw new TaskFailedException(
                    FailureReason.BAD_INPUT,
                    "Index " + index + " " + why + " to inspect it; a relink or copy refuses it until then too.");
        }
    }

    /**
     * Every document's reference fields, page by page; a plot that is large once opened holds the worker's place for
     * large documents while it is counted, as a relink's does.
     */
    private void take(ElasticClient client, String index, UrlCensus census, LongConsumer scanned) {
        ObjectNode search = ElasticClient.JSON.createObjectNode();
        search.put("size", PAGE);
        search.putArray("sort").add("_doc");
        StreamingScroll.forEachDocument(
                client,
                index,
                search,
                HitReader.Mode.MAPS,
                limits,
                census.fieldsToRead(),
                read -> {
                    long opened = read.source().get(DocumentRelinker.PLOT_LEN) instanceof Number length
                            ? length.longValue()
                            : 0;
                    try (Hit hit = opened >= limits.largeBytes() ? read.holdingLargePlace(limits) : read) {
                        census.take(hit.source());
                    }
                },
                scanned::accept);
    }
}
