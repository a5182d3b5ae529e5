package com.clearmlmigrator.planner.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** The planner's REST API as the component tests use it. */
public final class PlannerApi {
    private PlannerApi() {}

    /** Submits a migration, expects it accepted, and gives its id. */
    public static String submit(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/migrations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }
}
