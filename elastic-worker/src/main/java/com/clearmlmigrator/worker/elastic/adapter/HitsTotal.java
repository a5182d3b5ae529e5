package com.clearmlmigrator.worker.elastic.adapter;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A search answer's {@code hits.total} as each Elasticsearch version writes it, read while the answer streams in: the
 * total to stop a scroll at when it is exact, {@link HitReader#UNKNOWN_TOTAL} when it is only a lower bound or missing.
 */
final class HitsTotal {
    private HitsTotal() {}

    /** Reads the total whose first token, {@code value}, the parser is on. */
    static long read(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.START_OBJECT ? object(parser) : number(parser, value);
    }

    /** ES 5.6 and 6 give the total as a number, always exact. */
    private static long number(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : HitReader.UNKNOWN_TOTAL;
    }

    /** ES 7 and later: {@code {"value": n, "relation": "eq" | "gte"}}; only "eq" is a total to stop at. */
    private static long object(JsonParser parser) throws IOException {
        long value = HitReader.UNKNOWN_TOTAL;
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
        return exact ? value : HitReader.UNKNOWN_TOTAL;
    }
}
