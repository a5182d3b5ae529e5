package com.clearmlmigrator.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The planner's REST calls as the planner's own tests and the end-to-end tests make them. */
public final class PlannerRequests {
    private PlannerRequests() {}

    /** Submits a migration to the planner RestAssured points at, expects it accepted, and gives its id. */
    public static String submit(String body) {
        return submit(RestAssured.given(), body);
    }

    /** Submits a migration through the given request (its planner, its token), expects it accepted, gives its id. */
    public static String submit(RequestSpecification request, String body) {
        return request.contentType(ContentType.JSON)
                .body(body)
                .post("/migrations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }
}
