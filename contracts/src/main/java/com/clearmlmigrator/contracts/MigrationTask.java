package com.clearmlmigrator.contracts;

import java.time.Instant;
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
 * @param source  the cluster an Elasticsearch copy reads from ({@code elastic} is the one it writes to); absent
 *                otherwise
 * @param copy    what a copy task does; absent for other tasks
 * @param sentAt  when the planner sent this copy of the task, by its clock; a worker does not perform a task sent
 *                before its migration ended ({@link MigrationClosed}); absent until the task is sent
 */
public record MigrationTask(
        TaskId id,
        TaskType type,
        String target,
        MongoEndpoint mongo,
        ElasticEndpoint elastic,
        @JsonInclude(JsonInclude.Include.NON_NULL) RelinkSpec relink,
        @JsonInclude(JsonInclude.Include.NON_NULL) IdRange idRange,
        @JsonInclude(JsonInclude.Include.NON_NULL) Slice slice,
        @JsonInclude(JsonInclude.Include.NON_NULL) ElasticEndpoint source,
        @JsonInclude(JsonInclude.Include.NON_NULL) CopySpec copy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant sentAt) {

    /** A task that is not an Elasticsearch copy. */
    public MigrationTask(
            TaskId id,
            TaskType type,
            String target,
            MongoEndpoint mongo,
            ElasticEndpoint elastic,
            RelinkSpec relink,
            IdRange idRange,
            Slice slice) {
        this(id, type, target, mongo, elastic, relink, idRange, slice, null, null, null);
    }

    /** A step of an Elasticsearch copy from {@code source} to {@code target}. */
    public static MigrationTask copy(
            TaskId id,
            TaskType type,
            String index,
            ElasticEndpoint source,
            ElasticEndpoint target,
            Slice slice,
            CopySpec copy) {
        return new MigrationTask(id, type, index, null, target, null, null, slice, source, copy, null);
    }

    /** The inspection of one collection of a ClearML database. */
    public static MigrationTask inspection(TaskId id, String collection, MongoEndpoint database) {
        return new MigrationTask(id, TaskType.INSPECT_COLLECTION, collection, database, null);
    }

    /** The inspection of one index of a ClearML cluster. */
    public static MigrationTask inspection(TaskId id, String index, ElasticEndpoint cluster) {
        return new MigrationTask(id, TaskType.INSPECT_INDEX, index, null, cluster);
    }

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
        if (type.isCopy() && (source == null || copy == null)) {
            throw new IllegalArgumentException("a copy task needs its source cluster and copy spec");
        }
    }

    /** This task as it may be stored or shown: the Mongo password redacted, Elasticsearch credentials dropped. */
    public MigrationTask withoutSecrets() {
        return withConnections(
                mongo == null ? null : new MongoEndpoint(mongo.redactedUri(), mongo.database()),
                elastic == null ? null : new ElasticEndpoint(elastic.hosts(), null, null),
                source == null ? null : new ElasticEndpoint(source.hosts(), null, null));
    }

    /**
     * This task against other connections, for a retry: a Mongo task keeps its database (it may be {@code auth}) and
     * takes the connection string of {@code mongo}.
     */
    public MigrationTask withConnections(MongoEndpoint mongo, ElasticEndpoint elastic) {
        return withConnections(mongo, elastic, source);
    }

    /** This task against other connections, including the source cluster of a copy. */
    public MigrationTask withConnections(MongoEndpoint mongo, ElasticEndpoint elastic, ElasticEndpoint source) {
        MongoEndpoint newMongo =
                this.mongo == null || mongo == null ? null : new MongoEndpoint(mongo.uri(), this.mongo.database());
        ElasticEndpoint newElastic = this.elastic == null ? null : elastic;
        ElasticEndpoint newSource = this.source == null ? null : source;
        return new MigrationTask(
                id, type, target, newMongo, newElastic, relink, idRange, slice, newSource, copy, sentAt);
    }

    /** This task with another copy spec, for a verification whose expected fingerprint is known at dispatch. */
    public MigrationTask withCopy(CopySpec newCopy) {
        return new MigrationTask(id, type, target, mongo, elastic, relink, idRange, slice, source, newCopy, sentAt);
    }

    /** This task as sent now: the stamp tells a delivery before its migration ended from one after. */
    public MigrationTask asSentAt(Instant when) {
        return new MigrationTask(id, type, target, mongo, elastic, relink, idRange, slice, source, copy, when);
    }
}
