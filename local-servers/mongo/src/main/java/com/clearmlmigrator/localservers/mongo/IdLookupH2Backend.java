package com.clearmlmigrator.localservers.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The H2 file backend (what {@code bin/dev-stack} and {@code bin/demo} run) with the same two planning rules of
 * MongoDB's as {@link IdLookupMemoryBackend}: a filter naming its {@code _id}s ({@link IdLookups}) and a range of string
 * {@code _id}s are both answered from the collection's map, which is keyed and sorted by {@code _id}. Without them a relink of
 * 50,000 tasks on H2 spent minutes per 2,000-document part scanning the collection for every compare-and-set update.
 *
 * <p>In H2 a document's position is its {@code _id}, and the collection's map is sorted by it (strings by {@link
 * String#compareTo}, each type in a block of its own), so a range is a walk from its lower bound.
 */
public final class IdLookupH2Backend extends H2Backend {
    // Map names as H2Database gives them, so files written by the stock backend open unchanged.
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    public IdLookupH2Backend(String fileName) {
        super(openStore(fileName));
    }

    public IdLookupH2Backend(MVStore store) {
        super(store);
    }

    /**
     * The store as the local stack needs it. No background compaction: with it, a long read such as the planner's pass
     * over the ids of 200,000 tasks failed with "Chunk N not found" while compaction rewrote chunks under it (H2
     * 2.3.232), every time; freed space is still reused. And a page cache of 256 MB instead of 16 MB, which made H2 read
     * and deserialize the same pages again and again on collections of tens of thousands of documents (the wire
     * server's heap is 3 GB in {@code bin/dev-stack}).
     */
    private static MVStore openStore(String fileName) {
        return new MVStore.Builder()
                .fileName(fileName)
                .autoCompactFillRate(0)
                .cacheSize(256)
                .open();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    /**
     * An inner class: H2Database opens its collections from its own constructor, before a field of a subclass could be
     * set, and the enclosing backend's store is reachable then.
     */
    private final class Database extends H2Database {
        Database(String name, CursorRegistry cursors) {
            super(name, getMvStore(), cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA_PREFIX + fullName);
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
            return new IdCollection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    private static final class IdCollection extends H2Collection {
        private final MVMap<Object, Document> data;

        IdCollection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.data = data;
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            StringIdRange range = StringIdRange.of(query.get("_id"));
            if (range != null && "_id".equals(getIdField())) {
                return matchDocuments(query, idsInRange(range), orderBy, skip, limit, batchSize, fieldSelector);
            }
            Collection<?> named = "_id".equals(getIdField()) ? IdLookups.namedIds(query) : null;
            if (named != null) {
                // A document's position is its _id: the data map answers directly, sparing the _id index, whose keys
                // H2 compares by serializing them.
                Set<Object> positions = new LinkedHashSet<>();
                named.stream().filter(data::containsKey).forEach(positions::add);
                return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /** The string ids in the range, walked from its lower bound; ids of other types never match a string range. */
        private List<Object> idsInRange(StringIdRange range) {
            List<Object> ids = new ArrayList<>();
            Iterator<Object> keys = data.keyIterator(range.lower());
            boolean inStrings = false;
            while (keys.hasNext()) {
                Object key = keys.next();
                if (!(key instanceof String id)) {
                    if (inStrings) {
                        break; // past the block of strings
                    }
                    continue;
                }
                inStrings = true;
                if (range.isAbove(id)) {
                    break;
                }
                if (!range.isBelow(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }
    }
}
