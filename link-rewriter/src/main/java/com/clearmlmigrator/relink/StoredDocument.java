package com.clearmlmigrator.relink;

import java.util.Map;
import java.util.Objects;

/**
 * A document as read from a store, with what the store needs to write it back conditionally.
 *
 * @param id     the document's {@code _id} as a string
 * @param source the fields that were read
 * @param handle store-specific write-back data (Elasticsearch: type, routing, sequence number); may be null
 */
public record StoredDocument(String id, Map<String, Object> source, Object handle) {
    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }
}
