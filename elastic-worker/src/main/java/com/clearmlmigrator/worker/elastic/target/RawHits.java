package com.clearmlmigrator.worker.elastic.target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads documents out of a raw Elasticsearch answer (a search page or an {@code _mget}) with a streaming parser,
 * keeping each {@code _source} as the exact text the cluster sent. Nothing is rebuilt: the copy passes sources through
 * byte for byte, and both sides digest the same bytes.
 */
final class RawHits {
    private RawHits() {}

    /** A total the answer gave only as a lower bound ({@code "relation": "gte"}), or none at all. */
    static final long UNKNOWN_TOTAL = -1;

    /**
     * One page of a scroll.
     *
     * @param scrollId   the scroll to continue
     * @param documents  the page's documents, in order
     * @param exactTotal how many documents the whole scroll holds, or {@link #UNKNOWN_TOTAL}
     */
    record Page(String scrollId, List<CopiedDocument> documents, long exactTotal) {}

    static Page searchPage(String index, String json) {
        try (JsonParser parser = ElasticClient.JSON.getFactory().createParser(json)) {
            String scrollId = null;
            List<CopiedDocument> documents = new ArrayList<>();
            long total = UNKNOWN_TOTAL;
            JsonNode shards = MissingNode.getInstance();
            boolean timedOut = false;
            expect(parser, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "_scroll_id" -> scrollId = parser.getText();
                    case "hits" -> total = readHitsObject(index, parser, json, documents);
                    case "_shards" -> shards = parser.readValueAsTree();
                    case "timed_out" -> timedOut = parser.getValueAsBoolean();
                    default -> parser.skipChildren();
                }
            }
            ShardFailures.check(index, shards, timedOut);
            return new Page(scrollId, documents, total);
        } catch (IOException e) {
            throw unreadable(index, e);
        }
    }

    /** The documents an {@code _mget} found; missing ones are left out. */
    static List<CopiedDocument> mgetDocuments(String index, String json) {
        try (JsonParser parser = ElasticClient.JSON.getFactory().createParser(json)) {
            List<CopiedDocument> documents = new ArrayList<>();
            expect(parser, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("docs")) {
                    readArray(index, parser, json, documents);
                } else {
                    parser.skipChildren();
                }
            }
            return documents;
        } catch (IOException e) {
            throw unreadable(index, e);
        }
    }

    /**
     * Inside the outer {@code hits} object: the inner {@code hits} array holds the documents.
     *
     * @return the exact total of hits, or {@link #UNKNOWN_TOTAL}
     */
    private static long readHitsObject(String index, JsonParser parser, String json, List<CopiedDocument> out)
            throws IOException {
        long total = UNKNOWN_TOTAL;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("hits")) {
                readArray(index, parser, json, out);
            } else if (field.equals("total")) {
                total = value == JsonToken.START_OBJECT ? readTotalObject(parser) : readTotalNumber(parser, value);
            } else {
                parser.skipChildren();
            }
        }
        return total;
    }

    /** ES 5.6 and 6 give the total as a number, always exact. */
    private static long readTotalNumber(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : UNKNOWN_TOTAL;
    }

    /** ES 7 and later: {@code {"value": n, "relation": "eq" | "gte"}}; only "eq" is a total to stop at. */
    private static long readTotalObject(JsonParser parser) throws IOException {
        long value = UNKNOWN_TOTAL;
        boolean exact = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (field.equals("value") && token == JsonToken.VALUE_NUMBER_INT) {
                value = parser.getLongValue();
            } else if (field.equals("relation")) {
                exact = "eq".equals(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return exact ? value : UNKNOWN_TOTAL;
    }

    private static void readArray(String index, JsonParser parser, String json, List<CopiedDocument> out)
            throws IOException {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            CopiedDocument document = readHit(index, parser, json);
            if (document != null) {
                out.add(document);
            }
        }
    }

    private static CopiedDocument readHit(String index, JsonParser parser, String json) throws IOException {
        String id = null;
        String routing = null;
        String source = null;
        boolean found = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "_id" -> id = parser.getText();
                case "_routing" -> routing = value == JsonToken.VALUE_NULL ? null : parser.getText();
                case "found" -> found = parser.getBooleanValue();
                case "_source" -> {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getCharOffset();
                    source = json.substring(start, end);
                }
                default -> parser.skipChildren();
            }
        }
        if (!found) {
            return null;
        }
        if (source == null) {
            throw new TaskFailedException(
                    FailureReason.BAD_INPUT,
                    "Index " + index + " stores no _source (\"_source\": {\"enabled\": false}), so its documents"
                            + " cannot be copied; reindex it on the source with _source enabled first.");
        }
        return CopiedDocument.of(id, routing, source);
    }

    private static void expect(JsonParser parser, JsonToken token) throws IOException {
        if (parser.nextToken() != token) {
            throw new IOException("expected " + token + " at the start of the answer");
        }
    }

    private static TaskFailedException unreadable(String index, IOException e) {
        return new TaskFailedException(
                FailureReason.TARGET_UNAVAILABLE,
                "An answer about " + index + " could not be read: " + e.getMessage() + ".",
                e);
    }
}
