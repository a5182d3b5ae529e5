package com.clearmlmigrator.localservers.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The in-memory backend with two planning rules of MongoDB's that the wire server lacks, so work that is linear on
 * MongoDB is linear here too. The other conditions of a filter are still checked on every document found.
 *
 * <ul>
 *   <li>A filter that names one {@code _id} finds its document through the {@code _id} index ({@link IdLookups}).
 *   <li>A range of string {@code _id}s ({@code $gte}, {@code $gt}, {@code $lt}, {@code $lte}) is found from the index's
 *       keys, not by matching every document of the collection: reading a collection in id ranges cost a full scan per
 *       range.
 * </ul>
 */
public final class IdLookupMemoryBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    private static final class Database extends MemoryDatabase {
        Database(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new RangeUniqueIndex(indexName, keys, sparse);
        }
    }

    /** A unique index that can list the positions of the string keys in a range. */
    private static final class RangeUniqueIndex extends MemoryUniqueIndex {
        RangeUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        boolean isOnIdOnly() {
            return keys().equals(List.of("_id"));
        }

        List<Integer> positionsInRange(StringIdRange range) {
            List<Integer> positions = new ArrayList<>();
            for (Map.Entry<KeyValue, Integer> entry : getIterable()) {
                // MongoDB brackets ranges by type: a range of strings never matches an id of another type.
                if (entry.getKey().size() == 1 && entry.getKey().get(0) instanceof String id && range.contains(id)) {
                    positions.add(entry.getValue());
                }
            }
            return positions;
        }
    }

    private static final class Collection extends MemoryCollection {
        Collection(MemoryDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            StringIdRange range = StringIdRange.of(query.get("_id"));
            if (range != null) {
                for (Index<Integer> index : getIndexes()) {
                    if (index instanceof RangeUniqueIndex ids && ids.isOnIdOnly()) {
                        return matchDocuments(
                                query, ids.positionsInRange(range), orderBy, skip, limit, batchSize, fieldSelector);
                    }
                }
            }
            Iterable<Integer> named = IdLookups.positionsOfNamedIds(query, getIndexes());
            if (named != null) {
                return matchDocuments(query, named, orderBy, skip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }
}
