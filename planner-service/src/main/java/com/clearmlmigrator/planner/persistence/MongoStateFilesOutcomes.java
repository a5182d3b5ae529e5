package com.clearmlmigrator.planner.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.clearmlmigrator.planner.config.PlannerConfig;
import com.clearmlmigrator.planner.statefiles.StateFilesOutcome;
import com.clearmlmigrator.planner.statefiles.StateFilesOutcomes;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.quarkus.runtime.StartupEvent;

/** One document per migration and place, in the planner's own database; told again, a place's is updated in place. */
@ApplicationScoped
public class MongoStateFilesOutcomes implements StateFilesOutcomes {
    private static final String MIGRATION_ID = "migrationId";
    private static final String FIRST_TOLD = "firstTold";
    private static final String FORGOTTEN = "forgotten";

    private final MongoCollection<Document> outcomes;

    public MongoStateFilesOutcomes(MongoClient client, PlannerConfig config) {
        this.outcomes = client.getDatabase(config.database()).getCollection("migration_state_files");
    }

    void createIndex(@Observes StartupEvent startup) {
        outcomes.createIndex(Indexes.ascending(MIGRATION_ID, FIRST_TOLD));
    }

    @Override
    public void record(String migrationId, StateFilesOutcome outcome) {
        outcomes.updateOne(
                eq("_id", migrationId + "\t" + outcome.place()),
                Updates.combine(
                        Updates.set(MIGRATION_ID, migrationId),
                        Updates.set("place", outcome.place()),
                        Updates.set("option", outcome.option()),
                        Updates.set("dryRun", outcome.dryRun()),
                        Updates.set("ended", outcome.ended()),
                        Updates.set("files", outcome.files()),
                        Updates.set("changed", outcome.changed()),
                        Updates.set("links", outcome.links()),
                        Updates.set("already", outcome.already()),
                        Updates.set("problems", outcome.problems()),
                        Updates.set(
                                "origins",
                                outcome.origins().stream()
                                        // A list, not a document keyed by origin: origins hold dots.
                                        .map(origin ->
                                                new Document("origin", origin.origin()).append("links", origin.links()))
                                        .toList()),
                        Updates.setOnInsert(FIRST_TOLD, new Date())),
                new UpdateOptions().upsert(true));
    }

    @Override
    public boolean forget(String migrationId, String place, Instant at) {
        // Set on insert only, in effect: a second forget (one that finished a first stopped midway) keeps the first
        // time.
        Bson told = eq("_id", migrationId + "\t" + place);
        if (outcomes.updateOne(and(told, exists(FORGOTTEN, false)), Updates.set(FORGOTTEN, Date.from(at)))
                        .getMatchedCount()
                > 0) {
            return true;
        }
        return outcomes.countDocuments(told) > 0;
    }

    @Override
    public List<StateFilesOutcome> of(String migrationId) {
        return outcomes.find(eq(MIGRATION_ID, migrationId))
                .sort(Sorts.ascending(FIRST_TOLD))
                .map(MongoStateFilesOutcomes::toOutcome)
                .into(new ArrayList<>());
    }

    private static StateFilesOutcome toOutcome(Document stored) {
        return new StateFilesOutcome(
                stored.getString("place"),
                stored.getString("option"),
                stored.getBoolean("dryRun", false),
                stored.getBoolean("ended", true),
                stored.getInteger("files", 0),
                stored.getInteger("changed", 0),
                stored.getInteger("links", 0),
                stored.getInteger("already", 0),
                stored.getList("problems", String.class, List.of()),
                stored.getList("origins", Document.class, List.of()).stream()
                        .map(origin -> new StateFilesOutcome.Origin(
                                origin.getString("origin"),
                                origin.get("links", Number.class).longValue()))
                        .toList(),
                Optional.ofNullable(stored.getDate(FORGOTTEN))
                        .map(Date::toInstant)
                        .orElse(null));
    }
}
