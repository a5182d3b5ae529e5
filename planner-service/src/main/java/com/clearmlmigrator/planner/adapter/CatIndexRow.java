package com.clearmlmigrator.planner.adapter;

import com.fasterxml.jackson.databind.JsonNode;

/** One row of {@code _cat/indices?format=json} with {@code status} and {@code health}, which ES 5.6 to 8 answer alike. */
final class CatIndexRow {
    static final String CLOSED = "closed";
    static final String RED = "red";

    private CatIndexRow() {}

    /**
     * Why a reader would not see the index whole: {@link #CLOSED}, or {@link #RED} when a primary shard is unassigned;
     * null when it can be read.
     */
    static String unreadable(JsonNode row) {
        if (!row.path("status").asText("open").equals("open")) {
            return CLOSED;
        }
        return row.path("health").asText().equals("red") ? RED : null;
    }
}
