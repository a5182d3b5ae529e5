package com.clearmlmigrator.worker.elastic.adapter;

import com.clearmlmigrator.contracts.Slice;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.worker.elastic.copy.SourceIndex;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The index a copy reads, on an ES 5.6, 6 or 7 cluster: whole documents as the exact bytes the cluster returned. */
record ElasticSourceIndex(ElasticClient client, String index, DocumentLimits limits)
        implements SourceIndex<CopiedDocument> {

    @Override
    public long writeCount() {
        return SourceWrites.count(client, index);
    }

    @Override
    public void read(Slice slice, int pageSize, Reader<CopiedDocument> reader) {
        StreamingScroll.forEachDocument(
                client,
                index,
                search(slice, pageSize),
                HitReader.Mode.BYTES,
                limits,
                null,
                hit -> {
                    // Closing the hit gives up its place for large documents once the reader has written it.
                    try (hit) {
                        reader.document(CopiedDocument.of(hit));
                    }
                },
                reader::pageEnded);
    }

    @Override
    public void seal() {
        client.send("PUT", "/" + index + "/_settings", "{\"index.blocks.write\": true}");
    }

    /** A scroll over whole documents in index order, of one slice or, with a null slice, of all of them. */
    static ObjectNode search(Slice slice, int pageSize) {
        ObjectNode body = ElasticClient.JSON.createObjectNode().put("size", pageSize);
        body.putArray("sort").add("_doc");
        if (slice != null && slice.max() > 1) {
            body.putObject("slice").put("id", slice.id()).put("max", slice.max());
        }
        return body;
    }
}
