package com.clearmlmigrator.contracts;

import java.util.Objects;

/**
 * One unit of work for a worker. A worker may receive the same task more than once; handling it again must leave the
 * data as the first handling left it.
 *
 * @param id      deterministic task id
 * @param type    what to do; decides the worker kind and topic
 * @param target  what to do it to: a collection name for Mongo tasks, an index name for Elasticsearch tasks
 * @param mongo   the ClearML MongoDB, for Mongo tasks; null otherwise
 * @param elastic the Elasticsearch cluster, for Elasticsearch tasks; null otherwise
 */
public record MigrationTask(TaskId id, TaskType type, String target, MongoEndpoint mongo, ElasticEndpoint elastic) {
    public MigrationTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        if (type.worker() == WorkerKind.MONGO && mongo == null) {
            throw new IllegalArgumentException("a Mongo task needs a Mongo endpoint");
        }
        if (type.worker() == WorkerKind.ELASTIC && elastic == null) {
            throw new IllegalArgumentException("an Elasticsearch task needs an Elasticsearch endpoint");
        }
    }
}
