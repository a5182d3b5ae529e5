package com.clearmlmigrator.localservers.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * MongoDB's rule that a filter naming one {@code _id} is answered through the {@code _id} index even when it has other
 * conditions, which the wire server lacks: it uses an index only when a filter has exactly the index's keys, so a
 * compare-and-set update such as {@code {_id: x, uri: old}} scanned the whole collection, and updating a collection
 * that way grew with the square of its size. The other conditions are still checked on the document found.
 */
final class IdLookups {
    private IdLookups() {}

    /** The positions of the one document the filter's {@code _id} names, or null when the rule does not apply. */
    static <P> Iterable<P> positionsOfNamedId(Document query, Iterable<Index<P>> indexes) {
        Object id = query.get("_id");
        if (query.size() <= 1 || id == null || id instanceof Document) {
            return null;
        }
        Document byId = new Document("_id", id);
        for (Index<P> index : indexes) {
            if (index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }
}
