package com.clearmlmigrator.localservers.mongo;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * MongoDB's rule that a filter naming its {@code _id}s ({@code {_id: x, ...}} or {@code {_id: {$in: [...]}, ...}}) is
 * answered through the {@code _id} index even when it has other conditions, which the wire server lacks: it uses an
 * index only when a filter has exactly the index's keys, so a compare-and-set update such as {@code {_id: x, uri:
 * old}} scanned the whole collection, and updating a collection that way grew with the square of its size. The other
 * conditions are still checked on every document found.
 */
final class IdLookups {
    /** A filter of exactly one {@code _id}: what the {@code _id} index says it can handle. */
    private static final Document ID_PROBE = new Document("_id", "probe");

    private IdLookups() {}

    /** The positions of the documents the filter's {@code _id} names, or null when the rule does not apply. */
    static <P> Iterable<P> positionsOfNamedIds(Document query, Iterable<Index<P>> indexes) {
        Collection<?> ids = namedIds(query);
        if (ids == null) {
            return null;
        }
        for (Index<P> index : indexes) {
            if (index.canHandle(ID_PROBE)) {
                // A set: an id named twice is still one document.
                Set<P> positions = new LinkedHashSet<>();
                for (Object value : ids) {
                    index.getPositions(new Document("_id", value)).forEach(positions::add);
                }
                return positions;
            }
        }
        return null;
    }

    /**
     * The ids a filter names in {@code {_id: x, ...}} (with other conditions: one id alone the stock server already
     * finds) or {@code {_id: {$in: [...]}, ...}}; null for any other filter.
     */
    static Collection<?> namedIds(Document query) {
        Object id = query.get("_id");
        Collection<?> ids;
        if (id instanceof Document condition) {
            if (condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> in)) {
                return null;
            }
            ids = in;
        } else if (id != null && query.size() > 1) {
            ids = List.of(id);
        } else {
            return null;
        }
        return ids.stream().anyMatch(value -> value == null || value instanceof Document) ? null : ids;
    }
}
