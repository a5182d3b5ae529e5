package com.clearmlmigrator.relink;

import java.util.Map;
import java.util.Objects;

/**
 * A document as read from a store, with what the store needs to write it back conditionally.
 *
 * @param id     the document's {@code _id} as a string
 * @param source the fields that were read
 * @param handle  store-specific write-back data (Elasticsearch: type, sequence number); may be null
 * @param routing the shard routing value where the store has one (ClearML's ES 5.6 events); null otherwise
 */
public record StoredDocument(String id, Map<String, Object> source, Object handle, String routing) {
    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }

    public StoredDocument(String id, Map<String, Object> source, Object handle) {
        this(id, source, handle, null);
    }
}
