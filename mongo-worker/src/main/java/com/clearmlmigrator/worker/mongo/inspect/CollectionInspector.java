package com.clearmlmigrator.worker.mongo.inspect;

import java.util.function.LongConsumer;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.MongoEndpoint;

/** Reads what a collection holds without changing it. */
public interface CollectionInspector {
    /**
     * Counts, sizes, the data shapes of {@link ShapeProbes#forCollection(String)} and the census of URL origins
     * ({@link com.clearmlmigrator.relink.UrlCensus}) in one collection.
     *
     * @param scanned told how many documents the census has read, as it goes
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the server is unreachable or refuses
     */
    CollectionInspection inspect(MongoEndpoint endpoint, String collection, LongConsumer scanned);
}
