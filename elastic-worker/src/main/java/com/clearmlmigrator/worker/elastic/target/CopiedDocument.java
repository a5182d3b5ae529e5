package com.clearmlmigrator.worker.elastic.target;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.worker.elastic.domain.DocumentDigest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document as a copy moves it: id, routing, and its source as the exact JSON that is written to the target and
 * digested on both sides.
 *
 * @param id      {@code _id}
 * @param routing {@code _routing}, or null when the document has none
 * @param source  {@code _source} as canonical JSON
 * @param digest  {@link DocumentDigest} of id, routing and source
 */
record CopiedDocument(String id, String routing, String source, long digest) {

    /** The documents of one page of search hits. */
    static List<CopiedDocument> fromHits(String index, JsonNode hits) {
        List<CopiedDocument> documents = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            documents.add(fromHit(index, hit));
        }
        return documents;
    }

    static CopiedDocument fromHit(String index, JsonNode hit) {
        if (!hit.has("_source")) {
            throw new TaskFailedException(
                    FailureReason.BAD_INPUT,
                    "Index " + index + " stores no _source (\"_source\": {\"enabled\": false}), so its documents"
                            + " cannot be copied; reindex it on the source with _source enabled first.");
        }
        String routing = hit.hasNonNull("_routing") ? hit.get("_routing").asText() : null;
        String source = canonical(hit.get("_source"));
        String id = hit.path("_id").asText();
        return new CopiedDocument(id, routing, source, DocumentDigest.of(id, routing, bytes(source)));
    }

    int sizeInBytes() {
        return bytes(source).length;
    }

    private static String canonical(JsonNode source) {
        try {
            return ElasticClient.JSON.writeValueAsString(source);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed document could not be written back as JSON", e);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
