package com.clearmlmigrator.stores;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Elasticsearch answered to a {@code _bulk}. When no action failed ({@code "errors": false}) the items are not
 * read at all: every action succeeded, and reading one item per document into a tree was a visible part of a copy's
 * CPU on the worker (profiled).
 *
 * @param errors true when at least one action failed
 * @param items  the answer's items, one per action in order; read only when {@code errors}
 */
public record BulkAnswer(boolean errors, JsonNode items) {
    private static final BulkAnswer ALL_SUCCEEDED = new BulkAnswer(false, ElasticClient.JSON.missingNode());

    /**
     * The item of the action at this position ({@code {"status": ..., "error": ...}}), under its action name ({@code
     * index}, {@code create}); a missing node when every action succeeded.
     */
    public JsonNode item(int position, String action) {
        return items.path(position).path(action);
    }

    static BulkAnswer read(InputStream content) throws IOException {
        try (JsonParser parser = ElasticClient.JSON.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a _bulk answer must be a JSON object");
            }
            JsonNode items = ElasticClient.JSON.missingNode();
            boolean errors = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("errors")) {
                    errors = parser.getBooleanValue();
                    if (!errors) {
                        return ALL_SUCCEEDED;
                    }
                } else if (field.equals("items")) {
                    items = ElasticClient.JSON.readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
            return new BulkAnswer(errors, items);
        }
    }
}
