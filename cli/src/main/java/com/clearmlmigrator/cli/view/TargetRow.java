package com.clearmlmigrator.cli.view;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One collection or index as a progress bar shows it: done of total, and the documents so far. An es-copy's indices
 * count documents (their total is known before copying); the other kinds count parts (id ranges, slices), whose
 * documents are only known once scanned.
 *
 * @param name      collection or index
 * @param done      parts ended, or documents copied
 * @param total     parts planned, or documents to copy
 * @param documents documents handled so far
 * @param failed    parts failed
 * @param etaSeconds the planner's own estimate of the time left, when it has one
 * @param planned   the documents it held when planned (an index to copy, or scan for a relink); null when not counted
 */
record TargetRow(String name, long done, long total, long documents, long failed, Long etaSeconds, Long planned) {

    /** The rows of a snapshot: an es-copy's indices, else every collection and index of {@code progress}. */
    static List<TargetRow> of(JsonNode snapshot) {
        List<TargetRow> rows = new ArrayList<>();
        JsonNode indices = snapshot.path("copy").path("indices");
        if (indices.isArray() && !indices.isEmpty()) {
            for (JsonNode index : indices) {
                rows.add(new TargetRow(
                        index.path("index").asText(),
                        index.path("copied").asLong(),
                        index.path("documents").asLong(),
                        index.path("copied").asLong(),
                        0,
                        index.hasNonNull("etaSeconds")
                                ? index.path("etaSeconds").asLong()
                                : null,
                        index.path("documents").asLong()));
            }
            return rows;
        }
        for (JsonNode target : snapshot.path("progress")) {
            rows.add(new TargetRow(
                    target.path("target").asText(),
                    target.path("partsEnded").asLong(),
                    target.path("parts").asLong(),
                    target.path("documents").asLong(),
                    target.path("partsFailed").asLong(),
                    null,
                    target.hasNonNull("documentsPlanned")
                            ? target.path("documentsPlanned").asLong()
                            : null));
        }
        return rows;
    }

    boolean isDone() {
        return total > 0 && done >= total;
    }
}
