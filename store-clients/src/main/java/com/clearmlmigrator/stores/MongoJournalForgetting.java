package com.clearmlmigrator.stores;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * A relink's journal ({@link MongoRelinkJournal}) counted, and forgotten once the operator keeps the relink: {@code
 * relink_forgotten} holds one document per relink whose journal was removed, and when.
 */
public final class MongoJournalForgetting {
    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> forgottenMigrations;

    /** @param database the migrator's own database, where the workers keep the journal */
    public MongoJournalForgetting(MongoDatabase database) {
        this.entries = database.getCollection(MongoRelinkJournal.ENTRIES);
        this.forgottenMigrations = database.getCollection("relink_forgotten");
    }

    /** How many documents' previous values the journal keeps for the undo of one migration. */
    public long entryCount(String migrationId) {
        return entries.countDocuments(idsUnder(migrationId));
    }

    /**
     * How many documents of one collection or index the journal keeps the previous values of, for the undo of one
     * migration: a count of a range of ids, which MongoDB answers from the {@code _id} index alone.
     */
    public long entryCount(String migrationId, String target) {
        return entries.countDocuments(idsUnder(migrationId + "/" + target));
    }

    /** When the migration's journal was forgotten ({@link #forget}), if it was. */
    public Optional<Instant> forgottenAt(String migrationId) {
        return Optional.ofNullable(
                        forgottenMigrations.find(Filters.eq("_id", migrationId)).first())
                .map(mark -> mark.getDate("at").toInstant());
    }

    /**
     * Marks the migration's journal as forgotten, then removes its entries: from the mark on its undo is refused, so a
     * forget stopped midway leaves no undo that restores part of the values. Again, it keeps the first time and removes
     * what is left.
     *
     * @return the entries removed now
     */
    public long forget(String migrationId, Instant at) {
        forgottenMigrations.updateOne(
                Filters.eq("_id", migrationId),
                Updates.setOnInsert("at", Date.from(at)),
                new UpdateOptions().upsert(true));
        return entries.deleteMany(idsUnder(migrationId)).getDeletedCount();
    }

    /**
     * The entries whose ids start with this prefix and a slash ('0' is the character after '/'): those of one migration
     * ({@link com.clearmlmigrator.relink.JournalEntry#id()}: migration, target, document), or of one of its targets.
     */
    private static Bson idsUnder(String idPrefix) {
        return Filters.and(Filters.gte("_id", idPrefix + "/"), Filters.lt("_id", idPrefix + "0"));
    }
}
