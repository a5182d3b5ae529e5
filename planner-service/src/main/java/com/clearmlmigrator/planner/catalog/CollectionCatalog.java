package com.clearmlmigrator.planner.catalog;

import java.util.List;

import com.clearmlmigrator.contracts.MongoEndpoint;

/** Lists what a ClearML MongoDB holds. */
public interface CollectionCatalog {
    /**
     * The collection names of the endpoint's database, sorted, so plans and task ids are deterministic.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the server is unreachable or refuses
     */
    List<String> collections(MongoEndpoint endpoint);

    /**
     * The names of every database on the endpoint's server.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the server is unreachable or refuses
     */
    List<String> databases(MongoEndpoint endpoint);

    /**
     * The documents a collection holds, as the server's own count of them has it: read from its metadata, no scan.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the server is unreachable or refuses
     */
    long documents(MongoEndpoint endpoint, String collection);

    /**
     * A collection's documents, and the ids that cut it into ranges of about {@code chunkSize} of them.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the server is unreachable or refuses
     */
    CollectionChunks chunks(MongoEndpoint endpoint, String collection, int chunkSize);

    /**
     * A collection as a relink cuts it.
     *
     * @param documents  its documents when counted
     * @param boundaries ids that cut it into ranges of about the chunk size, in order; empty when one range is enough
     *                   or when the collection has ids that are not strings (ClearML's ids always are)
     */
    record CollectionChunks(long documents, List<String> boundaries) {
        public CollectionChunks {
            boundaries = List.copyOf(boundaries);
        }
    }
}
