package com.clearmlmigrator.localservers.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import io.netty.channel.Channel;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

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
    public IdLookupH2Backend(String fileName) {
        this(openStore(fileName));
    }

    public IdLookupH2Backend(MVStore store) {
        // The stock constructor opens the databases it finds in its own format, converting them on the way.
        super(store);
        new H2MapLayout(store).databaseNames().forEach(this::resolveDatabase);
    }

    /**
     * The store as the local stack needs it. No background compaction: with it, a long read such as the planner's pass
     * over the ids of 200,000 tasks failed with "Chunk N not found" while compaction rewrote chunks under it (H2
     * 2.3.232), every time; freed space is still reused. And a page cache of 1 GB (of estimated weight, see {@link
     * BsonDocumentType}) instead of 16 MB, so that a collection of 100,000 tasks stays decoded in memory instead of being
     * read and decoded again on every pass (the wire server's heap is 3 GB in {@code bin/dev-stack}; 1.7 GB was in use
     * after two relinks of 100,000 documents). And a commit buffer of an eighth of the heap, at most 256 MB, instead of
     * about 19 MB: a commit writes every page changed since the last one again whole, and the ids of a relink journal
     * fall all over its map, so with the small buffer nearly every insert cost a page of a hundred entries encoded
     * again (600,000 journal entries: 94 s and 176 CPU-s before, 33 s and 62 CPU-s with this and {@link
     * KeyValueOrder}'s stored form). Commits still come at least every second, and a write that asks for the journal
     * is committed before it is answered ({@link #handleCommand}). A file mostly of freed space is compacted before it
     * opens ({@link StoreCompaction}).
     */
    private static MVStore openStore(String fileName) {
        StoreCompaction.compactIfMostlyFreed(fileName, StoreCompaction.WORTH_COMPACTING_BYTES);
        return new MVStore.Builder()
                .fileName(fileName)
                .autoCompactFillRate(0)
                .cacheSize(1024)
                .autoCommitBufferSize(commitBufferKilobytes(Runtime.getRuntime().maxMemory()))
                .open();
    }

    private static int commitBufferKilobytes(long maxHeapBytes) {
        return (int) Math.min(256 * 1024, maxHeapBytes / 8 / 1024);
    }

    /**
     * A write that asks for {@code j: true} (the relink journal's) is answered once it is in the file, as MongoDB
     * answers it once it is in its on-disk journal: otherwise a crash of this process would lose up to a second of
     * journal entries whose documents the relink then rewrote, and undo could not restore them. One commit per batch.
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (query.get("writeConcern") instanceof Document concern && Utils.isTrue(concern.get("j"))) {
            commit();
        }
        return answer;
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

        // Not a field: the stock constructor opens collections before a field of this class could be set.
        private H2MapLayout layout() {
            return new H2MapLayout(getMvStore());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new IdCollection(
                    this,
                    collectionName,
                    options,
                    layout().documents(namespace),
                    layout().meta(namespace),
                    cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new H2KeyIndex(layout().uniqueIndex(namespace, indexName), indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            layout().dropIndex(collection.getFullName(), indexName);
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            layout().dropCollection(getFullCollectionNamespace(collectionName));
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String namespace = collection.getFullName();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            layout().renameCollection(namespace, getFullCollectionNamespace(newCollectionName));
        }

        @Override
        public void drop(Oplog oplog) {
            super.drop(oplog);
            layout().dropDatabase(getDatabaseName());
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
                // A document's position is its _id: the data map answers directly, without the _id index.
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
