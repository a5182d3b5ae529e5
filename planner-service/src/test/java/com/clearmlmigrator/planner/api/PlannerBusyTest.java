package com.clearmlmigrator.planner.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.planner.support.OneSetting;
import com.clearmlmigrator.planner.support.PlannerInfrastructure;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PlannerBusyTest.WithoutPlanningPlaces.class)
@WithTestResource(PlannerInfrastructure.class)
class PlannerBusyTest {
    /** A planner whose planning queue is full from the start. */
    public static class WithoutPlanningPlaces extends OneSetting {
        public WithoutPlanningPlaces() {
            super("planner.planning-queue", "0");
        }
    }

    @Test
    void aSubmissionBeyondThePlanningQueueIsRefusedWithASentenceAndNotRecorded() {
        given().contentType("application/json")
                .body(
                        "{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"mongodb://127.0.0.1:1\",\"database\":\"refused_while_busy\"}}")
                .post("/migrations")
                .then()
                .statusCode(503)
                .header("Retry-After", "60")
                .body("error", containsString("submit this one again"));
        given().get("/migrations").then().statusCode(200).body(not(containsString("refused_while_busy")));
    }
}
