package com.clearmlmigrator.worker.mongo.adapter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.clearmlmigrator.relink.FieldChange;
import com.clearmlmigrator.relink.JournalEntry;
import com.clearmlmigrator.relink.PlannedWrite;
import com.clearmlmigrator.relink.RelinkPass;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

/**
 * Writes planned changes with one unordered bulk of compare-and-set updates: each update matches only while the
 * document still holds every previous value. A unique-index refusal (ClearML's {@code url_to_delete} is unique on
 * company and URL) is reported for that document and does not stop the others.
 */
final class MongoConditionalWriter {
    private static final int DUPLICATE_KEY = 11000;

    void write(MongoCollection<Document> collection, List<PlannedWrite> writes, RelinkPass pass) {
        if (writes.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates =
                writes.stream().map(MongoConditionalWriter::update).toList();
        Set<Integer> refused = new HashSet<>();
        BulkWriteResult result;
        try {
            result = collection.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            result = e.getWriteResult();
            e.getWriteErrors().forEach(error -> refused.add(refusal(error, writes, pass)));
        }
        List<PlannedWrite> accepted = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (!refused.contains(i)) {
                accepted.add(writes.get(i));
            }
        }
        boolean allMatched = result.getMatchedCount() == accepted.size();
        for (PlannedWrite write : accepted) {
            pass.written(
                    write,
                    allMatched || isApplied(collection, write)
                            ? PlannedWrite.Outcome.WRITTEN
                            : PlannedWrite.Outcome.CONFLICT,
                    null);
        }
    }

    /** Reports an update the server refused; returns its position in the bulk. */
    private static int refusal(BulkWriteError error, List<PlannedWrite> writes, RelinkPass pass) {
        PlannedWrite write = writes.get(error.getIndex());
        if (error.getCode() == DUPLICATE_KEY) {
            pass.written(
                    write,
                    PlannedWrite.Outcome.COLLISION,
                    "another document already has the new value"
                            + " and a unique index forbids two (for url_to_delete: the same company and URL)");
        } else {
            pass.written(
                    write, PlannedWrite.Outcome.FAILED, "MongoDB refused the update (code " + error.getCode() + ")");
        }
        return error.getIndex();
    }

    /**
     * The filter is one flat document ({@code {_id: .., path: before, ..}}) rather than an {@code $and}: MongoDB finds
     * the document by its {@code _id} index either way, and so does our local wire server for the flat form only.
     */
    private static UpdateOneModel<Document> update(PlannedWrite write) {
        Document unchanged = new Document("_id", write.document().handle());
        List<Bson> sets = new ArrayList<>();
        for (FieldChange change : write.changes()) {
            unchanged.append(change.path(), change.before());
            sets.add(Updates.set(change.path(), change.after()));
        }
        return new UpdateOneModel<>(unchanged, Updates.combine(sets));
    }

    /** Only when some update did not match: was this one of them, or did it go through? */
    private static boolean isApplied(MongoCollection<Document> collection, PlannedWrite write) {
        Document current =
                collection.find(Filters.eq("_id", write.document().handle())).first();
        JournalEntry entry = new JournalEntry("-", "-", write.document().id(), write.changes());
        return current != null && entry.stateOf(current) == JournalEntry.State.APPLIED;
    }
}
