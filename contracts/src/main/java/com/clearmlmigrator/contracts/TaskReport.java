package com.clearmlmigrator.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a successful task found or did; one record type per task type, told apart by the {@code kind} property. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CollectionInspection.class, name = "collection-inspection"),
    @JsonSubTypes.Type(value = IndexInspection.class, name = "index-inspection"),
    @JsonSubTypes.Type(value = RelinkReport.class, name = "relink"),
    @JsonSubTypes.Type(value = CopyReport.class, name = "copy")
})
public sealed interface TaskReport permits CollectionInspection, IndexInspection, RelinkReport, CopyReport {
    /**
     * Of the reports of two handlings of one task (two attempts, or a handling and the retry after it), the one that read
     * furthest into the task's part. Each handling reads its part from the start and counts what an earlier one wrote
     * as its own, so the furthest holds what the other did; {@code later} on a tie. Either may be null (a handling that
     * did not say), and only relink reports say how far they read.
     */
    static TaskReport furthest(TaskReport earlier, TaskReport later) {
        if (later == null) {
            return earlier;
        }
        return earlier == null || read(later) >= read(earlier) ? later : earlier;
    }

    private static long read(TaskReport report) {
        return report instanceof RelinkReport relink
                ? relink.fields().stream().mapToLong(FieldTally::scanned).max().orElse(0)
                : 0;
    }
}
