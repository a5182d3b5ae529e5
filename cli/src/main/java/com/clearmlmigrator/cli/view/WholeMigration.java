package com.clearmlmigrator.cli.view;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An es-copy's indices as one: it knows every index's documents before it copies them, so it can say how far the whole
 * copy has come and how long the rest takes at its pace so far, where the rows say it per index.
 */
final class WholeCopy {
    // Not an index name (no index has a '*'): Rates keeps the whole copy's pace under it.
    private static final String ALL_INDICES = "*";

    private WholeCopy() {}

    /** {@code "534,796 of 1,054,610 documents (50%), about 0:58 left"}; the time left once the pace is known. */
    static String progress(List<TargetRow> indices, Rates rates, Instant now) {
        long copied = indices.stream().mapToLong(TargetRow::done).sum();
        long total = indices.stream().mapToLong(TargetRow::total).sum();
        TargetRow all = new TargetRow(ALL_INDICES, copied, total, copied, 0, null);
        String line = Formats.count(copied) + " of " + Formats.count(total) + " documents ("
                + Formats.percent(copied, total) + ")";
        rates.documentsPerSecond(all, now);
        Long left = rates.secondsLeft(all, now);
        return all.isDone() || left == null ? line : line + ", about " + Formats.duration(left) + " left";
    }

    /** Whether the snapshot is of an es-copy that has planned its indices. */
    static boolean isPlanned(JsonNode snapshot) {
        return !snapshot.path("copy").path("indices").isEmpty();
    }
}
