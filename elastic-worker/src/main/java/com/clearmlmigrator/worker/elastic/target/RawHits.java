package com.clearmlmigrator.worker.elastic.target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads documents out of a raw Elasticsearch answer (a search page or an {@code _mget}) with a streaming parser,
 * keeping each {@code _source} as the exact text the cluster sent. Nothing is rebuilt: the copy passes sources through
 * byte for byte, and both sides digest the same bytes.
 */
final class RawHits {
    private RawHits() {}

    /**
     * One page of a scroll.
     *
     * @param scrollId  the scroll to continue
     * @param documents the page's documents, in order
     */
    record Page(String scrollId, List<CopiedDocument> documents) {}

    static Page searchPage(String index, String json) {
        try (JsonParser parser = ElasticClient.JSON.getFactory().createParser(json)) {
            String scrollId = null;
            List<CopiedDocument> documents = new ArrayList<>();
            expect(parser, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("_scroll_id")) {
                    scrollId = parser.getText();
                } else if (field.equals("hits")) {
                    readHitsObject(index, parser, json, documents);
                } else {
                    parser.skipChildren();
                }
            }
            return new Page(scrollId, documents);
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

    /** Inside the outer {@code hits} object: the inner {@code hits} array holds the documents. */
    private static void readHitsObject(String index, JsonParser parser, String json, List<CopiedDocument> out)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("hits")) {
                readArray(index, parser, json, out);
            } else {
                parser.skipChildren();
            }
        }
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
