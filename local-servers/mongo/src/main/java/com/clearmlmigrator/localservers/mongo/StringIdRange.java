package com.clearmlmigrator.localservers.mongo;

import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The bounds of an {@code _id} filter such as {@code {$gte: "a", $lt: "m"}}, as the relink's id ranges send them; null
 * bounds are open.
 */
record StringIdRange(String lower, boolean lowerInclusive, String upper, boolean upperInclusive) {
    private static final Set<String> OPERATORS = Set.of("$gte", "$gt", "$lt", "$lte");

    /** The range of a condition made only of string bounds, or null for any other condition. */
    static StringIdRange of(Object condition) {
        if (!(condition instanceof Document bounds)
                || bounds.isEmpty()
                || !OPERATORS.containsAll(bounds.keySet())
                || !bounds.values().stream().allMatch(String.class::isInstance)) {
            return null;
        }
        String lower = (String) (bounds.containsKey("$gte") ? bounds.get("$gte") : bounds.get("$gt"));
        String upper = (String) (bounds.containsKey("$lte") ? bounds.get("$lte") : bounds.get("$lt"));
        return new StringIdRange(lower, bounds.containsKey("$gte"), upper, bounds.containsKey("$lte"));
    }

    boolean contains(String id) {
        return !isBelow(id) && !isAbove(id);
    }

    boolean isBelow(String id) {
        if (lower == null) {
            return false;
        }
        int c = id.compareTo(lower);
        return c < 0 || (c == 0 && !lowerInclusive);
    }

    boolean isAbove(String id) {
        if (upper == null) {
            return false;
        }
        int c = id.compareTo(upper);
        return c > 0 || (c == 0 && !upperInclusive);
    }
}
