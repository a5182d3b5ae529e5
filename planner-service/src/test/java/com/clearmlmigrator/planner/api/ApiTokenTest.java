package com.clearmlmigrator.planner.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.planner.support.OneSetting;
import com.clearmlmigrator.planner.support.PlannerInfrastructure;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ApiTokenTest.WithToken.class)
@WithTestResource(PlannerInfrastructure.class)
class ApiTokenTest {
    /** A planner started with an API token. */
    public static class WithToken extends OneSetting {
        public WithToken() {
            super("planner.api-token", "s3cret-token");
        }
    }

    @Test
    void callsWithoutTheTokenAreRefusedWithASentence() {
        given().get("/migrations")
                .then()
                .statusCode(401)
                .body("error", containsString("Authorization: Bearer"))
                .body(org.hamcrest.Matchers.not(containsString("s3cret-token")));
        given().header("Authorization", "Bearer wrong")
                .get("/migrations/x")
                .then()
                .statusCode(401);
    }

    @Test
    void theApiDescriptionAndSwaggerUiNeedTheTokenAsBearerOrAsTheBrowsersPassword() {
        given().get("/q/openapi")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body(org.hamcrest.Matchers.not(containsString("s3cret-token")));
        given().get("/q/swagger-ui/").then().statusCode(401);
        given().auth()
                .preemptive()
                .basic("operator", "wrong")
                .get("/q/openapi")
                .then()
                .statusCode(401);

        given().auth()
                .preemptive()
                .basic("operator", "s3cret-token")
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer s3cret-token")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/migrations"));
    }

    @Test
    void callsWithTheTokenPassAndProbesStayOpen() {
        given().header("Authorization", "Bearer s3cret-token")
                .get("/migrations")
                .then()
                .statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * The dashboard's page holds no data, so it loads without the token (and then asks for it); every migration it shows
     * comes through the API, which wants the token; Prometheus scrapes the metrics as it scrapes any service.
     */
    @Test
    void theDashboardLoadsAndItsDataNeedsTheToken() {
        given().get("/").then().statusCode(200).body(containsString("token-form"));
        given().get("/dashboard.js").then().statusCode(200).body(containsString("Authorization"));
        given().get("/migrations/x/events").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200).body(containsString("migrator_migrations"));
    }
}
