package com.clearmlmigrator.contracts;

/**
 * Counts for one field of one collection or index.
 *
 * @param field      rule path
 * @param scanned    documents read
 * @param matched    values that referenced the old prefix (or were journaled by an earlier delivery)
 * @param changed    values now holding the new prefix because of this migration
 * @param conflicts  values left alone because someone else changed them, or a unique index refused them
 * @param failed     values that could not be read or written
 * @param remaining  references to the old prefix still present after the work (0 expected)
 * @param alreadyNew references to the new prefix found before this migration changed anything (a relink run before,
 *                   or by other means): left as they are; absent (0) in results of releases before it was counted
 */
public record FieldTally(
        String field,
        long scanned,
        long matched,
        long changed,
        long conflicts,
        long failed,
        long remaining,
        long alreadyNew) {
    public static FieldTally empty(String field) {
        return new FieldTally(field, 0, 0, 0, 0, 0, 0, 0);
    }

    public FieldTally plus(FieldTally other) {
        return new FieldTally(
                field,
                scanned + other.scanned,
                matched + other.matched,
                changed + other.changed,
                conflicts + other.conflicts,
                failed + other.failed,
                remaining + other.remaining,
                alreadyNew + other.alreadyNew);
    }
}
