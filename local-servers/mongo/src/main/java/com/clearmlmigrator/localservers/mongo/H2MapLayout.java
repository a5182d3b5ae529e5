package com.clearmlmigrator.localservers.mongo;

import java.util.Set;
import java.util.stream.Collectors;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Where the local MongoDB keeps collections and unique indexes in its H2 file, and in which form: documents as BSON
 * ({@link BsonDocumentType}) and index keys in {@link KeyValueOrder}, both much cheaper than the stock backend's Java
 * serialization. Both live under names of their own, because a map's format and order are fixed once written.
 *
 * <p>A file written by the stock backend or by an earlier version of ours (a {@code .dev-stack} kept across an
 * upgrade) opens as it is: a collection's stock map is copied into its BSON map and then removed, in one commit, so a
 * crash in between copies it again on the next start; a stock index map is removed and the server rebuilds the index
 * from the documents when it attaches it, as it does for every empty index.
 */
final class H2MapLayout {
    private static final String STOCK_DOCUMENTS_PREFIX = "databases.";
    private static final String DOCUMENTS_PREFIX = "documents.";
    private static final String META_PREFIX = "meta.";
    private static final String STOCK_INDEX_INFIX = "._index_";
    private static final String INDEX_INFIX = "._keys_";

    private final MVStore store;

    H2MapLayout(MVStore store) {
        this.store = store;
    }

    /** The databases that hold collections in our format (those in the stock format the stock backend finds). */
    Set<String> databaseNames() {
        return store.getMapNames().stream()
                .filter(name -> name.startsWith(DOCUMENTS_PREFIX))
                .map(name -> Utils.firstFragment(name.substring(DOCUMENTS_PREFIX.length())))
                .collect(Collectors.toSet());
    }

    /** The documents of a collection ({@code database.collection}) by {@code _id}. */
    MVMap<Object, Document> documents(String namespace) {
        MVMap<Object, Document> documents = store.openMap(
                DOCUMENTS_PREFIX + namespace, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
        String stockName = STOCK_DOCUMENTS_PREFIX + namespace;
        if (store.hasMap(stockName)) {
            MVMap<Object, Document> stock = store.openMap(stockName);
            documents.putAll(stock);
            store.removeMap(stock);
            store.commit();
        }
        return documents;
    }

    /** What the server keeps about a collection besides its documents, as the stock backend keeps it. */
    MVMap<String, Object> meta(String namespace) {
        return store.openMap(META_PREFIX + namespace);
    }

    /** A unique index's positions by key; empty when new or when the file held it in the stock order. */
    MVMap<KeyValue, Object> uniqueIndex(String namespace, String indexName) {
        store.removeMap(namespace + STOCK_INDEX_INFIX + indexName);
        return store.openMap(
                namespace + INDEX_INFIX + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueOrder()));
    }

    void dropIndex(String namespace, String indexName) {
        store.removeMap(namespace + INDEX_INFIX + indexName);
    }

    void dropCollection(String namespace) {
        store.removeMap(DOCUMENTS_PREFIX + namespace);
    }

    void renameCollection(String namespace, String newNamespace) {
        store.renameMap(store.openMap(DOCUMENTS_PREFIX + namespace), DOCUMENTS_PREFIX + newNamespace);
    }

    void dropDatabase(String database) {
        store.getMapNames().stream()
                .filter(name -> name.startsWith(DOCUMENTS_PREFIX + database + "."))
                .toList()
                .forEach(store::removeMap);
    }
}
