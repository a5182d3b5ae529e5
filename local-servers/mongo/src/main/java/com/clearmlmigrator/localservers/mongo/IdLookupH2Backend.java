package com.clearmlmigrator.localservers.mongo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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
 * MongoDB's as {@link IdLookupMemoryBackend}: a filter naming one {@code _id} is answered through the {@code _id} index
 * ({@link IdLookups}), and a range of string {@code _id}s is read from the sorted key map. Without them a relink of
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
        super(fileName);
    }

    public IdLookupH2Backend(MVStore store) {
        super(store);
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
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {
        private final MVMap<Object, Document> data;

        Collection(
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
            Iterable<Object> named = IdLookups.positionsOfNamedId(query, getIndexes());
            if (named != null) {
                return matchDocuments(query, named, orderBy, skip, limit, batchSize, fieldSelector);
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
