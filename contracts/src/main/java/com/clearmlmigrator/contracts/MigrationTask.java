package com.clearmlmigrator.contracts;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One unit of work for a worker. A worker may receive the same task more than once; handling it again must leave the
 * data as the first handling left it.
 *
 * @param id      deterministic task id
 * @param type    what to do; decides the worker kind and topic
 * @param target  what to do it to: a collection name for Mongo tasks, an index name for Elasticsearch tasks
 * @param mongo   the ClearML MongoDB, for Mongo tasks; null otherwise
 * @param elastic the Elasticsearch cluster, for Elasticsearch tasks; null otherwise
 * @param relink  what to rewrite, for relink tasks; absent otherwise
 * @param idRange the part of the collection, for chunked Mongo tasks; absent for the whole collection
 * @param slice   the slice of the index, for sliced Elasticsearch tasks; absent for the whole index
 */
public record MigrationTask(
        TaskId id,
        TaskType type,
        String target,
        MongoEndpoint mongo,
        ElasticEndpoint elastic,
        @JsonInclude(JsonInclude.Include.NON_NULL) RelinkSpec relink,
        @JsonInclude(JsonInclude.Include.NON_NULL) IdRange idRange,
        @JsonInclude(JsonInclude.Include.NON_NULL) Slice slice) {

    /** A task that works on a whole collection or index with no parameters, such as an inspection. */
    public MigrationTask(TaskId id, TaskType type, String target, MongoEndpoint mongo, ElasticEndpoint elastic) {
        this(id, type, target, mongo, elastic, null, null, null);
    }

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
        if (type.isRelink() && relink == null) {
            throw new IllegalArgumentException("a relink task needs its relink spec");
        }
    }

    /** This task as it may be stored or shown: the Mongo password redacted, Elasticsearch credentials dropped. */
    public MigrationTask withoutSecrets() {
        return withConnections(
                mongo == null ? null : new MongoEndpoint(mongo.redactedUri(), mongo.database()),
                elastic == null ? null : new ElasticEndpoint(elastic.hosts(), null, null));
    }

    /**
     * This task against other connections, for a retry: a Mongo task keeps its database (it may be {@code auth}) and
     * takes the connection string of {@code mongo}.
     */
    public MigrationTask withConnections(MongoEndpoint mongo, ElasticEndpoint elastic) {
        MongoEndpoint newMongo =
                this.mongo == null || mongo == null ? null : new MongoEndpoint(mongo.uri(), this.mongo.database());
        ElasticEndpoint newElastic = this.elastic == null ? null : elastic;
        return new MigrationTask(id, type, target, newMongo, newElastic, relink, idRange, slice);
    }
}
