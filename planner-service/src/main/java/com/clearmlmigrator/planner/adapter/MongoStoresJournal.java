package com.clearmlmigrator.planner.adapter;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.config.PlannerConfig;
import com.clearmlmigrator.planner.undo.StoresJournal;
import com.clearmlmigrator.stores.MongoJournalForgetting;
import com.mongodb.client.MongoClient;

/** The workers' relink journal, read and forgotten through the same code they write it with. */
@ApplicationScoped
public class MongoStoresJournal implements StoresJournal {
    private final MongoJournalForgetting journal;

    public MongoStoresJournal(MongoClient migratorDatabase, PlannerConfig config) {
        this.journal = new MongoJournalForgetting(migratorDatabase.getDatabase(config.journalDatabase()));
    }

    @Override
    public long entries(String relinkId) {
        return journal.entryCount(relinkId);
    }

    @Override
    public long entries(String relinkId, String target) {
        return journal.entryCount(relinkId, target);
    }

    @Override
    public Optional<Instant> forgottenAt(String relinkId) {
        return journal.forgottenAt(relinkId);
    }

    @Override
    public long forget(String relinkId, Instant at) {
        return journal.forget(relinkId, at);
    }
}
