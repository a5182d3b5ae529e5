package com.clearmlmigrator.worker.elastic.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import com.clearmlmigrator.relink.JournalEntry;
import com.clearmlmigrator.relink.StoredDocument;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads journaled documents back by id with {@code _mget}, with what conditional writes need. */
final class ElasticDocumentFetch {
    private ElasticDocumentFetch() {}

    /**
     * Hands the documents that still exist to {@code work}, read while the answer streams in; ES 5.6 indices with
     * required routing are read with the journaled routing. Large ones keep the worker's place for large documents
     * until {@code work} has written them.
     */
    static void fetch(
            ElasticClient client,
            String index,
            int major,
            Collection<JournalEntry> entries,
            DocumentLimits limits,
            Consumer<List<StoredDocument>> work) {
        ObjectNode body = ElasticClient.JSON.createObjectNode();
        var docs = body.putArray("docs");
        for (JournalEntry entry : entries) {
            ObjectNode doc = docs.addObject().put("_id", entry.documentId());
            if (entry.routing() != null) {
                doc.put(major >= 7 ? "routing" : "_routing", entry.routing());
            }
        }
        List<Hit> found = new ArrayList<>();
        try {
            client.stream(
                    "POST",
                    "/" + index + "/_mget",
                    body.toString(),
                    answer -> HitReader.mget(answer, index, HitReader.Mode.MAPS, limits, found::add));
            work.accept(found.stream().map(Hit::toStoredDocument).toList());
        } finally {
            found.forEach(Hit::close);
        }
    }
}
