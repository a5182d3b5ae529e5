package com.clearmlmigrator.planner.adapter;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/** One row of {@code _cat/indices?format=json} with {@code status} and {@code health}, which ES 5.6 to 8 answer alike. */
final class CatIndexRow {
    static final String CLOSED = "closed";
    static final String RED = "red";
    /** Each index's status beside the shards open and opening: what {@link OpeningShards} watches. */
    static final String HEALTH = "/_cluster/health?level=indices";

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

    /** The open red indices of the rows that {@code read} selects. */
    static Set<String> red(JsonNode rows, Predicate<String> read) {
        Set<String> red = new TreeSet<>();
        for (JsonNode row : rows) {
            String name = row.path("index").asText();
            if (RED.equals(unreadable(row)) && read.test(name)) {
                red.add(name);
            }
        }
        return red;
    }
}
