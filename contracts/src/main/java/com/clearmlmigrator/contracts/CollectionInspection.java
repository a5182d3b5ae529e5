package com.clearmlmigrator.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an inspection found in one MongoDB collection.
 *
 * @param database      database name
 * @param collection    collection name
 * @param documents     number of documents
 * @param sizeBytes     uncompressed data size the server reports
 * @param serverVersion MongoDB server version
 * @param shapes        document counts per data shape that later migrations must handle, for example
 *                      {@code artifacts-as-list} and {@code artifacts-as-map}; empty when the collection has none
 * @param urlPrefixes   the URL origins its references start with, counted per field: what a relink's {@code from}
 *                      should be; empty when it holds none
 */
public record CollectionInspection(
        String database,
        String collection,
        long documents,
        long sizeBytes,
        String serverVersion,
        Map<String, Long> shapes,
        List<UrlPrefixCount> urlPrefixes)
        implements TaskReport {
    public CollectionInspection {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(collection, "collection");
        // Kept in the order the worker probed them, so list and map shapes read side by side.
        shapes = shapes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
        urlPrefixes = urlPrefixes == null ? List.of() : List.copyOf(urlPrefixes);
    }
}
