package com.clearmlmigrator.worker.runtime;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.stores.MongoConnections;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Leases in the migrator's own database ({@code task_leases}), which every worker already reaches for the relink
 * journal: one document per task under way, {@code {_id: task, worker, expiresAt}}, removed when the task ends. Plain
 * inserts and conditional updates, which the MongoDB wire server of the local stack has too; filters name the {@code
 * _id} directly, as that server finds such a filter's document through its index.
 */
public final class MongoTaskLeases implements TaskLeases {
    static final String COLLECTION = "task_leases";

    private final MongoCollection<Document> leases;

    public MongoTaskLeases(MongoDatabase migratorDatabase) {
        this.leases = migratorDatabase.getCollection(COLLECTION);
    }

    @Override
    public boolean tryTake(TaskId task, String worker, Instant expiresAt) {
        return whileReachable(() -> insert(task, worker, expiresAt));
    }

    private boolean insert(TaskId task, String worker, Instant expiresAt) {
        try {
            leases.insertOne(new Document("_id", task.toString())
                    .append("worker", worker)
                    .append("expiresAt", Date.from(expiresAt)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean takeOver(TaskId task, Lease seen, String worker, Instant expiresAt) {
        // Matches only the lease as it was seen: a renewal wrote another expiresAt, a release removed it.
        Bson unchanged = new Document("_id", task.toString())
                .append("worker", seen.worker())
                .append("expiresAt", Date.from(seen.expiresAt()));
        return whileReachable(() -> leases.updateOne(
                                unchanged,
                                Updates.combine(
                                        Updates.set("worker", worker), Updates.set("expiresAt", Date.from(expiresAt))))
                        .getMatchedCount()
                == 1);
    }

    @Override
    public Optional<Lease> holder(TaskId task) {
        return whileReachable(() -> Optional.ofNullable(
                        leases.find(Filters.eq("_id", task.toString())).first())
                .map(lease -> new Lease(
                        lease.getString("worker"), lease.getDate("expiresAt").toInstant())));
    }

    private static <T> T whileReachable(Supplier<T> call) {
        try {
            return call.get();
        } catch (MongoException e) {
            if (MongoConnections.isUnreachable(e)) {
                throw new UnavailableException("The migrator's MongoDB is unreachable: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public Set<TaskId> renew(Collection<TaskId> tasks, String worker, Instant expiresAt) {
        if (tasks.isEmpty()) {
            return Set.of();
        }
        List<String> ids = tasks.stream().map(TaskId::toString).toList();
        long held = leases.updateMany(
                        Filters.and(Filters.in("_id", ids), Filters.eq("worker", worker)),
                        Updates.set("expiresAt", Date.from(expiresAt)))
                .getMatchedCount();
        if (held == ids.size()) {
            return Set.of();
        }
        Set<TaskId> lost = new HashSet<>(tasks);
        leases.find(Filters.and(Filters.in("_id", ids), Filters.eq("worker", worker)))
                .forEach(lease -> lost.remove(TaskId.parse(lease.getString("_id"))));
        return lost;
    }

    @Override
    public void release(TaskId task, String worker) {
        leases.deleteOne(new Document("_id", task.toString()).append("worker", worker));
    }
}
