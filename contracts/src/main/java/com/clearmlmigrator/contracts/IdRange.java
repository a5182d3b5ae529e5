package com.clearmlmigrator.contracts;

/**
 * A bounded part of a MongoDB collection by string {@code _id}, so a crash redoes one chunk, not the collection.
 *
 * @param fromInclusive lowest id, or null for the start of the collection
 * @param toExclusive   id after the last, or null for the end of the collection
 */
public record IdRange(String fromInclusive, String toExclusive) {
    /** The whole collection. */
    public static final IdRange ALL = new IdRange(null, null);
}
