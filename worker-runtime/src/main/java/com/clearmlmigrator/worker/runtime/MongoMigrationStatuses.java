package com.clearmlmigrator.worker.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** Reads a migration's status from the planner's collection in the migrator's own database. */
@ApplicationScoped
public class MongoMigrationStatuses implements MigrationStatuses {
    private final MongoClient migratorDatabase;
    private final String database;

    public MongoMigrationStatuses(
            MongoClient migratorDatabase,
            @ConfigProperty(name = "worker.migrator-database", defaultValue = "clearml_migrator") String database) {
        this.migratorDatabase = migratorDatabase;
        this.database = database;
    }

    @Override
    public boolean isCancelled(String migrationId) {
        Document migration = migratorDatabase
                .getDatabase(database)
                .getCollection("migrations")
                .find(Filters.eq("_id", migrationId))
                .projection(Projections.include("status"))
                .first();
        return migration != null && "CANCELLED".equals(migration.getString("status"));
    }
}
