package com.clearmlmigrator.worker.elastic.target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.relink.JournalEntry;
import com.clearmlmigrator.relink.StoredDocument;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads journaled documents back by id with {@code _mget}, with what conditional writes need. */
final class ElasticDocumentFetch {
    // The client's mapper: numbers are read exactly, as undo writes whole documents back.
    private static final ObjectMapper JSON = ElasticClient.JSON;

    private ElasticDocumentFetch() {}

    /** The documents that still exist; ES 5.6 indices with required routing are read with the journaled routing. */
    @SuppressWarnings("unchecked")
    static List<StoredDocument> fetch(ElasticClient client, String index, int major, Collection<JournalEntry> entries) {
        ObjectNode body = JSON.createObjectNode();
        var docs = body.putArray("docs");
        for (JournalEntry entry : entries) {
            ObjectNode doc = docs.addObject().put("_id", entry.documentId());
            if (entry.routing() != null) {
                doc.put(major >= 7 ? "routing" : "_routing", entry.routing());
            }
        }
        List<StoredDocument> found = new ArrayList<>();
        for (JsonNode doc :
                client.send("POST", "/" + index + "/_mget", body.toString()).path("docs")) {
            if (!doc.path("found").asBoolean(false)) {
                continue;
            }
            Map<String, Object> source = JSON.convertValue(doc.path("_source"), LinkedHashMap.class);
            String type = doc.path("_type").asText("_doc");
            String routing = doc.hasNonNull("_routing") ? doc.get("_routing").asText() : null;
            EsDocumentHandle handle = new EsDocumentHandle(
                    type.equals("_doc") ? null : type,
                    routing,
                    doc.path("_version").asLong(-1),
                    doc.path("_seq_no").asLong(-1),
                    doc.path("_primary_term").asLong(-1));
            found.add(new StoredDocument(doc.path("_id").asText(), source, handle, routing));
        }
        return found;
    }
}
