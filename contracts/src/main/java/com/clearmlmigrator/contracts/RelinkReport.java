package com.clearmlmigrator.contracts;

import java.util.List;
import java.util.Objects;

/**
 * What a relink task found or changed in its part of one collection or index.
 *
 * @param target  collection or index
 * @param dryRun  true when nothing was written
 * @param fields  counts per field rule
 * @param samples a few before/after pairs per field
 * @param issues  documents left alone (conflicts, unique-index collisions, unreadable values), capped per task
 */
public record RelinkReport(
        String target, boolean dryRun, List<FieldTally> fields, List<ValueSample> samples, List<DocumentIssue> issues)
        implements TaskReport {
    public RelinkReport {
        Objects.requireNonNull(target, "target");
        fields = fields == null ? List.of() : List.copyOf(fields);
        samples = samples == null ? List.of() : List.copyOf(samples);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    /**
     * One value before and after, shortened for display.
     *
     * @param field      rule path
     * @param documentId document id
     * @param before     stored value (shortened)
     * @param after      new value (shortened)
     */
    public record ValueSample(String field, String documentId, String before, String after) {}

    /**
     * A document the relink left alone, and why.
     *
     * @param documentId document id
     * @param field      rule path, or null for the whole document
     * @param problem    one sentence
     */
    public record DocumentIssue(String documentId, String field, String problem) {}
}
