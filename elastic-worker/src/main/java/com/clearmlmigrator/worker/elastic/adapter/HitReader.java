package com.clearmlmigrator.worker.elastic.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads the documents of an Elasticsearch answer (a search or scroll page, or an {@code _mget}) while it streams in,
 * handing each to a sink as soon as it is read: what is held is one document, never the page ({@link RetainingInput}).
 * A copy gets each {@code _source} as the exact bytes the cluster sent, which the target receives and both sides digest;
 * a relink gets it parsed, numbers exactly as stored. Sizes are checked against {@link DocumentLimits} while a document
 * arrives, so a document too large fails its task before it fills the heap.
 */
final class HitReader {
    /** A total the answer gave only as a lower bound ({@code "relation": "gte"}), or none at all. */
    static final long UNKNOWN_TOTAL = -1;

    /** How a document's {@code _source} is read: as bytes, as maps, or not at all (ids only). */
    enum Mode {
        BYTES,
        MAPS,
        IDS
    }

    /** What a page said besides its documents. */
    record Answer(String scrollId, long exactTotal, int hits) {}

    /** Takes each document; it owns the hit and closes it once done with it. */
    interface Sink {
        void accept(Hit hit);
    }

    private final String index;
    private final Mode mode;
    private final DocumentLimits limits;
    private final Sink sink;
    private final java.util.function.Consumer<String> scrollIdSeen;
    private RetainingInput input;
    private Hit.LargePlace holding;
    private String currentId;
    private JsonNode shards = MissingNode.getInstance();
    private boolean timedOut;
    private boolean shardsChecked;

    private HitReader(
            String index,
            Mode mode,
            DocumentLimits limits,
            Sink sink,
            java.util.function.Consumer<String> scrollIdSeen) {
        this.index = index;
        this.mode = mode;
        this.limits = limits;
        this.sink = sink;
        this.scrollIdSeen = scrollIdSeen;
    }

    /**
     * Reads a search or scroll page; checks that every shard answered before the first document is handed over.
     *
     * @param scrollIdSeen told the scroll id as soon as it is read, so the scroll can be cleared should a document fail
     *     the rest of the page
     */
    static Answer searchPage(
            InputStream body,
            String index,
            Mode mode,
            DocumentLimits limits,
            Sink sink,
            java.util.function.Consumer<String> scrollIdSeen)
            throws IOException {
        return new HitReader(index, mode, limits, sink, scrollIdSeen).read(body, true);
    }

    /** Reads a search page of a search without a scroll. */
    static Answer searchPage(InputStream body, String index, Mode mode, DocumentLimits limits, Sink sink)
            throws IOException {
        return searchPage(body, index, mode, limits, sink, id -> {});
    }

    /** Reads an {@code _mget} answer; documents not found are left out. */
    static int mget(InputStream body, String index, Mode mode, DocumentLimits limits, Sink sink) throws IOException {
        return new HitReader(index, mode, limits, sink, id -> {})
                .read(body, false)
                .hits();
    }

    private Answer read(InputStream body, boolean search) throws IOException {
        input = new RetainingInput(body, mode == Mode.BYTES, this::grew);
        try (JsonParser parser = ElasticClient.JSON.getFactory().createParser(input)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object at the start of the answer");
            }
            String scrollId = null;
            long total = UNKNOWN_TOTAL;
            int hits = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "_scroll_id" -> {
                        scrollId = parser.getText();
                        scrollIdSeen.accept(scrollId);
                    }
                    case "_shards" -> shards = parser.readValueAsTree();
                    case "timed_out" -> timedOut = parser.getValueAsBoolean();
                    case "hits" -> {
                        checkShards();
                        long[] counted = readHitsObject(parser);
                        total = counted[0];
                        hits += (int) counted[1];
                    }
                    case "docs" -> hits += search ? skip(parser) : readArray(parser);
                    default -> parser.skipChildren();
                }
            }
            if (search) {
                checkShards();
            }
            return new Answer(scrollId, total, hits);
        } catch (RetainingInput.TooLarge e) {
            throw limits.tooLarge(e.bytes(), document());
        } finally {
            if (holding != null) {
                holding.leave();
            }
        }
    }

    private void checkShards() {
        if (!shardsChecked) {
            shardsChecked = true;
            ShardFailures.check(index, shards, timedOut);
        }
    }

    /** Inside the outer {@code hits} object: returns the exact total (or unknown) and the documents read. */
    private long[] readHitsObject(JsonParser parser) throws IOException {
        long total = UNKNOWN_TOTAL;
        long read = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("hits")) {
                read += readArray(parser);
            } else if (field.equals("total")) {
                total = HitsTotal.read(parser, value);
            } else {
                parser.skipChildren();
            }
        }
        return new long[] {total, read};
    }

    private static int skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return 0;
    }

    private int readArray(JsonParser parser) throws IOException {
        int read = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            input.dropBefore(parser.currentTokenLocation().getByteOffset());
            currentId = null;
            Hit hit = readHit(parser);
            if (hit != null) {
                read++;
                sink.accept(hit);
            }
        }
        return read;
    }

    @SuppressWarnings("unchecked")
    private Hit readHit(JsonParser parser) throws IOException {
        String type = null;
        String routing = null;
        long version = -1;
        long seqNo = -1;
        long primaryTerm = -1;
        byte[] sourceBytes = null;
        Map<String, Object> source = null;
        long size = 0;
        boolean found = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "_id" -> currentId = parser.getText();
                case "_type" -> type = parser.getText();
                case "_routing" -> routing = value == JsonToken.VALUE_NULL ? null : parser.getText();
                case "_version" -> version = parser.getValueAsLong(-1);
                case "_seq_no" -> seqNo = parser.getValueAsLong(-1);
                case "_primary_term" -> primaryTerm = parser.getValueAsLong(-1);
                case "found" -> found = parser.getBooleanValue();
                case "_source" -> {
                    long start = parser.currentTokenLocation().getByteOffset();
                    if (mode == Mode.IDS) {
                        parser.skipChildren();
                    } else if (mode == Mode.BYTES) {
                        parser.skipChildren();
                        long end = parser.currentLocation().getByteOffset();
                        sourceBytes = input.copy(start, end);
                    } else {
                        source = ElasticClient.JSON.readValue(parser, LinkedHashMap.class);
                    }
                    size = parser.currentLocation().getByteOffset() - start;
                }
                default -> parser.skipChildren();
            }
        }
        Hit.LargePlace place = holding;
        holding = null;
        if (!found) {
            if (place != null) {
                place.leave();
            }
            return null;
        }
        if (mode == Mode.BYTES && sourceBytes == null) {
            if (place != null) {
                place.leave();
            }
            throw new TaskFailedException(
                    FailureReason.BAD_INPUT,
                    "Index " + index + " stores no _source (\"_source\": {\"enabled\": false}), so its documents"
                            + " cannot be copied; reindex it on the source with _source enabled first.");
        }
        if (source == null && mode == Mode.MAPS) {
            source = new LinkedHashMap<>();
        }
        String shownType = type == null || type.equals("_doc") ? null : type;
        return new Hit(currentId, shownType, routing, version, seqNo, primaryTerm, sourceBytes, source, size, place);
    }

    /** Told by the input as the current document grows. */
    private void grew(long bytes) throws IOException {
        if (bytes > limits.maxBytes()) {
            throw new RetainingInput.TooLarge(bytes);
        }
        if (bytes >= limits.largeBytes() && holding == null) {
            limits.takeLargePlace();
            holding = new Hit.LargePlace(limits);
        }
    }

    private String document() {
        return currentId == null ? "A document of index " + index : "Document " + currentId + " of index " + index;
    }
}
