package com.clearmlmigrator.worker.elastic.adapter;

import java.util.Map;
import java.util.concurrent.ExecutorService;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.CopyMark;
import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.worker.elastic.copy.TargetIndex;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ES 7 or 8 cluster a copy writes, and the task's index on it.
 *
 * @param bulkSenders threads that write one bulk while the next is gathered
 * @param page      documents per bulk at most, and per page of the fingerprint's read
 * @param bulkBytes a bulk is sent once it holds this many bytes of sources
 * @param written   counts the documents the target has confirmed
 */
record ElasticTargetIndex(
        ExecutorService bulkSenders,
        ElasticClient client,
        String index,
        DocumentLimits limits,
        int page,
        long bulkBytes,
        ProgressBeacon.Counter written)
        implements TargetIndex<CopiedDocument> {

    @Override
    public void putTemplate(CopySpec.IndexTemplate template) {
        client.send("PUT", template.path(), json(template.body()));
    }

    @Override
    public boolean exists(String name) {
        return client.exists("/" + name);
    }

    @Override
    public String createdBy(String name) {
        JsonNode mappings = client.get("/" + name + "/_mapping").path(name).path("mappings");
        return mappings.path("_meta")
                .path(CopyMark.META_KEY)
                .path(CopyMark.MIGRATION)
                .asText("");
    }

    @Override
    public void delete(String name) {
        client.send("DELETE", "/" + name, null);
    }

    /** The primary starts in the background; the first bulk waits for it, so preparing takes no longer. */
    @Override
    public void create(CopySpec.TargetIndex target, String migrationId) {
        ObjectNode body = ElasticClient.JSON.createObjectNode();
        body.set("settings", ElasticClient.JSON.valueToTree(target.settings()));
        ObjectNode mappings = ElasticClient.JSON.valueToTree(target.mappings());
        ObjectNode meta = mappings.has("_meta") ? (ObjectNode) mappings.get("_meta") : mappings.putObject("_meta");
        meta.putObject(CopyMark.META_KEY).put(CopyMark.MIGRATION, migrationId).put(CopyMark.STATE, CopyMark.COPYING);
        body.set("mappings", mappings);
        client.send("PUT", "/" + target.name() + "?wait_for_active_shards=0", body.toString());
    }

    /** {@code _meta} is replaced whole by a mapping update: the rest of it is written back as it was. */
    @Override
    public void markVerified(String migrationId) {
        JsonNode mappings = client.get("/" + index + "/_mapping").path(index).path("mappings");
        ObjectNode meta = mappings.path("_meta").isObject()
                ? ((ObjectNode) mappings.get("_meta")).deepCopy()
                : ElasticClient.JSON.createObjectNode();
        meta.putObject(CopyMark.META_KEY).put(CopyMark.MIGRATION, migrationId).put(CopyMark.STATE, CopyMark.VERIFIED);
        ObjectNode body = ElasticClient.JSON.createObjectNode();
        body.set("_meta", meta);
        client.send("PUT", "/" + index + "/_mapping", body.toString());
    }

    @Override
    public Writer<CopiedDocument> writer() {
        return new CopyBulkWriter(bulkSenders, new BulkCreator(client, index, limits), bulkBytes, page, written);
    }

    @Override
    public void flush() {
        client.send("POST", "/" + index + "/_flush", null);
    }

    @Override
    public void refresh() {
        client.send("POST", "/" + index + "/_refresh", null);
    }

    /** Read in one scroll, each document digested as the copy digested it on the source. */
    @Override
    public ContentChecksum fingerprint() {
        ContentChecksum.Tally sum = new ContentChecksum.Tally();
        StreamingScroll.forEachDocument(
                client,
                index,
                ElasticSourceIndex.search(null, page),
                HitReader.Mode.BYTES,
                limits,
                null,
                hit -> {
                    try (hit) {
                        sum.addDocument(CopiedDocument.of(hit).digest());
                    }
                },
                pageHits -> {});
        return sum.total();
    }

    @Override
    public void putSettings(Map<String, Object> settings) {
        client.send("PUT", "/" + index + "/_settings", json(settings));
    }

    private static String json(Object value) {
        return ElasticClient.JSON.valueToTree(value).toString();
    }
}
