package com.clearmlmigrator.worker.mongo.inspect;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.MongoEndpoint;

/** Reads what a collection holds without changing it. */
public interface CollectionInspector {
    /**
     * Counts, sizes and the data shapes of {@link ShapeProbes#forCollection(String)} in one collection.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the server is unreachable or refuses
     */
    CollectionInspection inspect(MongoEndpoint endpoint, String collection);
}
