package com.clearmlmigrator.planner.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.planner.support.PlannerInfrastructure;
import com.clearmlmigrator.testsupport.PlannerRequests;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** {@code PUT /migrations/{id}/state-files}: what the command did to dataset state files, shown with the migration. */
@QuarkusTest
@WithTestResource(PlannerInfrastructure.class)
class StateFilesResourceTest {
    private static final String FOLDER = "/opt/clearml/data/fileserver";
    private static final String BUCKET = "s3://datasets/clearml/";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /**
     * A relink of MongoDB at a port nobody listens on: it exists, whatever its planning comes to. A database of its own
     * each, as two relinks of one database at once are refused.
     */
    private static String relink() {
        return PlannerRequests.submit("{\"kind\":\"relink\",\"mongo\":{\"uri\":\"mongodb://127.0.0.1:9\",\"database\":"
                + "\"state-files-" + DATABASES.incrementAndGet() + "\"},\"from\":\"s3://old-bucket\","
                + "\"to\":\"s3://new-bucket\"}");
    }

    private static ValidatableResponse tell(String id, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .put("/migrations/" + id + "/state-files")
                .then();
    }

    private static String outcome(String place, String option, int changed) {
        return "{\"place\":\"" + place + "\",\"option\":\"" + option + "\",\"dryRun\":false,\"files\":4,\"changed\":"
                + changed + ",\"links\":" + (2 * changed) + ",\"already\":0,\"problems\":[]}";
    }

    @Test
    void eachPlaceIsKeptOnceTheNewerReplacingTheOlderAndTheMigrationShowsThemInTheOrderTold() {
        String id = relink();

        tell(id, outcome(FOLDER, "--fileserver-folder " + FOLDER, 1)).statusCode(200);
        tell(id, outcome(BUCKET, "--dataset-bucket s3://datasets/clearml", 3)).statusCode(200);
        tell(id, outcome(FOLDER, "--fileserver-folder " + FOLDER, 4))
                .statusCode(200)
                .body("place", contains(FOLDER, BUCKET))
                .body("changed", contains(4, 3));

        given().get("/migrations/" + id)
                .then()
                .statusCode(200)
                .body("stateFiles.place", contains(FOLDER, BUCKET))
                .body("stateFiles[0].links", equalTo(8))
                .body("stateFiles[1].option", equalTo("--dataset-bucket s3://datasets/clearml"));
        given().get("/migrations").then().body("find { it.id == '" + id + "' }.stateFiles", equalTo(null));
    }

    @Test
    void aPlaceToldAsBegunStaysUnendedUntilItsEndIsToldAndABodyWithoutEndedIsAnEnd() {
        String id = relink();

        tell(id, "{\"place\":\"" + BUCKET + "\",\"option\":\"--dataset-bucket s3://datasets/clearml\",\"ended\":false}")
                .statusCode(200);
        tell(id, outcome(FOLDER, "--fileserver-folder " + FOLDER, 2)).statusCode(200);
        given().get("/migrations/" + id)
                .then()
                .body("stateFiles.place", contains(BUCKET, FOLDER))
                .body("stateFiles.ended", contains(false, true))
                .body("stateFiles[0].changed", equalTo(0));

        tell(id, outcome(BUCKET, "--dataset-bucket s3://datasets/clearml", 3).replace("{", "{\"ended\":true,"))
                .statusCode(200)
                .body("ended", contains(true, true))
                .body("changed", contains(3, 2));
    }

    @Test
    void aLongListOfProblemsIsKeptAsItsFirstHundredAndACount() {
        String id = relink();
        String problems = String.join(",", Collections.nCopies(130, "\"x: not JSON\""));

        tell(id, "{\"place\":\"" + FOLDER + "\",\"files\":130,\"problems\":[" + problems + "]}")
                .statusCode(200)
                .body("[0].problems", hasSize(101))
                .body("[0].problems[100]", equalTo("... and 30 more"));
    }

    @Test
    void aBodyWithoutAPlaceANegativeCountOrAFieldOfNoSuchNameIsA400Sentence() {
        String id = relink();

        tell(id, "{\"files\":1}").statusCode(400).body("error", containsString("Field 'place' is required"));
        tell(id, "{\"place\":\"" + FOLDER + "\",\"links\":-1}")
                .statusCode(400)
                .body("error", containsString("are counts: 0 or more"));
        tell(id, "{\"place\":\"" + FOLDER + "\",\"link\":1}").statusCode(400).body("error", containsString("link"));
        tell(id, "").statusCode(400).body("error", containsString("The body is required"));
    }

    @Test
    void anInspectionKeepsItsCensusMostLinkedOriginsFirstAndAtMostAHundredOfThem() {
        String inspect = PlannerRequests.submit("{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"mongodb://127.0.0.1:9\"}}");
        String manyHosts = IntStream.range(0, 120)
                .mapToObj(i -> "{\"origin\":\"http://host-" + (1000 + i) + ".example.com:8081\",\"links\":1}")
                .collect(Collectors.joining(","));

        tell(
                        inspect,
                        "{\"place\":\"" + BUCKET + "\",\"files\":7,\"origins\":[{\"origin\":\"s3://old.bucket\","
                                + "\"links\":3},{\"origin\":\"http://files.example.com:8081\",\"links\":40}]}")
                .statusCode(200);
        tell(inspect, "{\"place\":\"" + FOLDER + "\",\"files\":120,\"origins\":[" + manyHosts + "]}")
                .statusCode(200);

        given().get("/migrations/" + inspect)
                .then()
                .body("stateFiles[0].files", equalTo(7))
                .body("stateFiles[0].origins.origin", contains("http://files.example.com:8081", "s3://old.bucket"))
                .body("stateFiles[0].origins.links", contains(40, 3))
                .body("stateFiles[1].origins", hasSize(100))
                .body("stateFiles[1].origins[0].origin", equalTo("http://host-1000.example.com:8081"));
        tell(inspect, "{\"place\":\"" + FOLDER + "\",\"origins\":[{\"origin\":\"\",\"links\":1}]}")
                .statusCode(400)
                .body("error", containsString("Each of 'origins' is"));
        tell(inspect, "{\"place\":\"" + FOLDER + "\",\"origins\":[{\"origin\":\"s3://b\",\"links\":-2}]}")
                .statusCode(400)
                .body("error", containsString("a count of 0 or more"));
    }

    @Test
    void aForgottenPlaceKeepsItsFiguresAndTheFirstTimeItWasForgottenAndAnotherToldLaterKeepsTheMark() {
        String id = relink();
        tell(id, outcome(BUCKET, "--dataset-bucket s3://datasets/clearml", 3)).statusCode(200);
        tell(id, outcome(FOLDER, "--fileserver-folder " + FOLDER, 1)).statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/migrations/" + id).path("status"), equalTo("FAILED"));

        forget(id, "{\"place\":\"" + BUCKET + "\",\"at\":\"2026-12-06T18:35:06Z\"}")
                .statusCode(200)
                .body("place", contains(BUCKET, FOLDER))
                .body("forgotten", contains("2026-12-06T18:35:06Z", null))
                .body("changed", contains(3, 1));
        // A forget stopped midway and run again tells it again: the journal was forgotten when it was first asked.
        forget(id, "{\"place\":\"" + BUCKET + "\",\"at\":\"2026-12-07T09:00:00Z\"}")
                .statusCode(200);
        tell(id, outcome(BUCKET, "--dataset-bucket s3://datasets/clearml", 3)).statusCode(200);

        given().get("/migrations/" + id)
                .then()
                .body("stateFiles.forgotten", contains("2026-12-06T18:35:06Z", null))
                .body("stateFiles[0].links", equalTo(6));
    }

    @Test
    void aForgetOfAPlaceNotToldOfARelinkUnderWayOrAnotherKindIsRefusedWithASentence() {
        String id = relink();
        tell(id, outcome(FOLDER, "--fileserver-folder " + FOLDER, 1)).statusCode(200);
        String inspect = PlannerRequests.submit("{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"mongodb://127.0.0.1:9\"}}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/migrations/" + id).path("status"), equalTo("FAILED"));

        forget(id, "{\"place\":\"" + BUCKET + "\"}")
                .statusCode(404)
                .body(
                        "error",
                        equalTo("Migration " + id + " was told nothing of state files under '" + BUCKET + "'. GET"
                                + " /migrations/" + id + "/state-files lists the places it was told of."));
        forget(inspect, "{\"place\":\"" + FOLDER + "\"}")
                .statusCode(409)
                .body("error", containsString("is of kind inspect; only a relink keeps originals"));
        forget(id, "{\"at\":\"2026-12-06T18:35:06Z\"}")
                .statusCode(400)
                .body("error", containsString("Field 'place' is required"));
        forget(id, "{\"place\":\"" + FOLDER + "\",\"at\":\"yesterday\"}")
                .statusCode(400)
                .body("error", equalTo("Field 'at' must be a time in UTC such as 2026-12-06T18:35:06Z."));
        forget(id, "").statusCode(400).body("error", containsString("The body is required"));
        forget("no-such-migration", "{\"place\":\"" + FOLDER + "\"}").statusCode(404);
        given().get("/migrations/" + id).then().body("stateFiles.forgotten", contains((Object) null));
    }

    @Test
    void aRelinkUnderWayIsNotForgotten() {
        // Planning waits 5 s for a MongoDB that does not answer before it fails the relink.
        String id = relink();
        tell(id, outcome(FOLDER, "--fileserver-folder " + FOLDER, 1)).statusCode(200);

        forget(id, "{\"place\":\"" + FOLDER + "\"}")
                .statusCode(409)
                .body(
                        "error",
                        equalTo("Relink " + id + " is PLANNING; its originals can be forgotten once it has ended."));
    }

    private static ValidatableResponse forget(String id, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .put("/migrations/" + id + "/state-files/forgotten")
                .then();
    }

    @Test
    void anEsCopyIsRefusedAndAnUnknownMigrationIsA404() {
        String copy = PlannerRequests.submit("{\"kind\":\"es-copy\",\"source\":{\"hosts\":[\"http://127.0.0.1:1\"]},"
                + "\"target\":{\"hosts\":[\"http://127.0.0.1:2\"]},\"dryRun\":true}");

        tell(copy, outcome(FOLDER, "", 1))
                .statusCode(409)
                .body(
                        "error",
                        equalTo("Migration " + copy + " is of kind es-copy; only a relink, its undo and an inspection"
                                + " reach dataset state files."));
        tell("no-such-migration", outcome(FOLDER, "", 1)).statusCode(404);
    }
}
