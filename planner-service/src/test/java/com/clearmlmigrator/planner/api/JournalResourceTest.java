package com.clearmlmigrator.planner.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.planner.support.MongoWorkerStandIn;
import com.clearmlmigrator.planner.support.PlannerInfrastructure;
import com.clearmlmigrator.relink.FieldChange;
import com.clearmlmigrator.relink.JournalEntry;
import com.clearmlmigrator.stores.MongoRelinkJournal;
import com.clearmlmigrator.testsupport.PlannerRequests;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code /migrations/{id}/journal}: a relink's journal in the stores counted, forgotten, and its undo and retry refused
 * then.
 */
@QuarkusTest
@WithTestResource(PlannerInfrastructure.class)
class JournalResourceTest {
    @Inject
    MongoWorkerStandIn worker;

    /** A relink of a database with nothing of ClearML's in it: it ends at once, having planned no task. */
    private static String endedRelink(String database) {
        String id = PlannerRequests.submit("{\"kind\":\"relink\",\"from\":\"http://a/\",\"to\":\"http://b/\",\"mongo\":"
                + "{\"uri\":\"" + PlannerInfrastructure.mongoUri() + "\",\"database\":\"" + database + "\"}}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/migrations/" + id).path("status"), equalTo("SUCCEEDED"));
        return id;
    }

    /** As the workers journal the documents they change, in the migrator's database. */
    private static void journal(String migrationId, String target, int documents) {
        try (MongoClient client = MongoClients.create(PlannerInfrastructure.mongoUri())) {
            new MongoRelinkJournal(client.getDatabase("clearml_migrator"))
                    .record(IntStream.range(0, documents)
                            .mapToObj(i -> new JournalEntry(
                                    migrationId,
                                    target,
                                    "d" + i,
                                    List.of(new FieldChange("uri", "uri", "http://a/" + i, "http://b/" + i))))
                            .toList());
        }
    }

    @Test
    void aFinishedRelinksJournalIsCountedThenForgottenAndItsUndoIsRefusedSayingWhen() {
        String id = endedRelink("journal-forgotten");
        journal(id, "model", 12);
        journal(id, "events-log-c1", 3);

        given().get("/migrations/" + id + "/journal")
                .then()
                .statusCode(200)
                .body("entries", equalTo(15))
                .body("forgotten", nullValue());
        given().get("/migrations/" + id).then().body("journalForgotten", nullValue());
        String forgotten = given().delete("/migrations/" + id + "/journal")
                .then()
                .statusCode(200)
                .body("entries", equalTo(15))
                .extract()
                .path("forgotten");
        // Again, as a forget stopped midway is finished: nothing left, the first time kept.
        given().delete("/migrations/" + id + "/journal")
                .then()
                .statusCode(200)
                .body("entries", equalTo(0))
                .body("forgotten", equalTo(forgotten));

        given().post("/migrations/" + id + "/undo")
                .then()
                .statusCode(409)
                .body(
                        "error",
                        equalTo("The journal of relink " + id + " was forgotten on " + forgotten + " (`forget`): the"
                                + " values it changed can no longer be restored. Relink from the new prefix to the"
                                + " old one instead."));
        given().get("/migrations/" + id + "/journal").then().body("entries", equalTo(0));
        given().get("/migrations/" + id).then().body("journalForgotten", equalTo(forgotten));
    }

    @Test
    void aRelinkNotEndedAMigrationOfAnotherKindAndAnUnknownOneAreRefusedWithASentence() {
        // Planning waits 5 s for a MongoDB that does not answer before it fails the relink.
        String planning = PlannerRequests.submit("{\"kind\":\"relink\",\"from\":\"http://a/\",\"to\":\"http://b/\","
                + "\"mongo\":{\"uri\":\"mongodb://127.0.0.1:9\",\"database\":\"journal-planning\"}}");
        given().delete("/migrations/" + planning + "/journal")
                .then()
                .statusCode(409)
                .body(
                        "error",
                        equalTo("Relink " + planning + " is PLANNING: its workers are still writing its journal."
                                + " Forget it once the relink has ended."));
        String inspect = PlannerRequests.submit(
                "{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"" + PlannerInfrastructure.mongoUri() + "\"}}");
        given().delete("/migrations/" + inspect + "/journal")
                .then()
                .statusCode(409)
                .body(
                        "error",
                        equalTo("Migration " + inspect + " is of kind inspect; only a relink keeps a journal for its"
                                + " undo."));
        given().get("/migrations/nope/journal").then().statusCode(404);
    }

    @Test
    void aRelinkWhoseJournalWasForgottenIsNotRetried() throws Exception {
        try (MongoClient client = MongoClients.create(PlannerInfrastructure.mongoUri())) {
            client.getDatabase("forgotten").getCollection("task").insertOne(new Document("_id", "t1"));
        }
        String relink = PlannerRequests.submit("{\"kind\":\"relink\",\"from\":\"http://a/\",\"to\":\"http://b/\","
                + "\"mongo\":{\"uri\":\"" + PlannerInfrastructure.mongoUri() + "\",\"database\":\"forgotten\"}}");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + relink).then().body("status", equalTo("RUNNING")));
        int total = given().get("/migrations/" + relink).path("tasks.total");
        for (MigrationTask task : worker.receiveTasks(relink, total)) {
            worker.answer(TaskResult.failed(task.id(), FailureReason.TARGET_UNAVAILABLE, "MongoDB is away."));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        given().get("/migrations/" + relink).then().body("status", equalTo("COMPLETED_WITH_ERRORS")));
        String forgotten = given().delete("/migrations/" + relink + "/journal")
                .then()
                .statusCode(200)
                .extract()
                .path("forgotten");

        given().post("/migrations/" + relink + "/retry")
                .then()
                .statusCode(409)
                .body(
                        "error",
                        equalTo("The journal of relink " + relink + " was forgotten on " + forgotten + " (`forget`),"
                                + " and what a retry changed could not be undone. Start a new relink with the same"
                                + " prefixes instead: it changes only what is left, and keeps a journal of its own."));
        given().get("/migrations/" + relink).then().body("status", equalTo("COMPLETED_WITH_ERRORS"));
    }
}
