package com.clearmlmigrator.e2e;

import java.util.Map;

import com.clearmlmigrator.synthetic.MongoDataset;

/**
 * ClearML's data in every store of the running system at one moment ({@link StoreSnapshot}): MongoDB's database and
 * the ClearML indices of both Elasticsearch nodes, to compare whole before and after a migration.
 */
record StackStores(
        Map<String, Map<String, Map<String, Object>>> mongo,
        Map<String, Map<String, Map<String, Object>>> es5,
        Map<String, Map<String, Map<String, Object>>> es7) {

    static StackStores now() {
        return new StackStores(
                StoreSnapshot.mongo(RunningSystem.ports().mongoUri(), MongoDataset.DATABASE),
                StoreSnapshot.elastic(RunningSystem.ports().elastic5Url()),
                StoreSnapshot.elastic(RunningSystem.ports().elastic7Url()));
    }
}
