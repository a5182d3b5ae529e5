package com.clearmlmigrator.planner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.clearmlmigrator.planner.support.PlannerInfrastructure;
import com.clearmlmigrator.testsupport.PlannerRequests;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(PlannerInfrastructure.class)
class MigrationResourceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown kind              | {"kind":"relinkk","mongo":{"uri":"mongodb://h"}}         | Unknown kind 'relinkk'. Supported kinds: inspect, relink, es-copy.
            missing kind              | {"mongo":{"uri":"mongodb://h"}}                          | Field 'kind' is required
            no connection             | {"kind":"inspect"}                                       | needs a 'mongo' or an 'elastic' connection
            unknown field             | {"kind":"inspect","mongo":{"uri":"mongodb://h","db":"x"}} | Unknown field 'mongo.db'. Allowed here: database, uri.
            wrong type                | {"kind":"inspect","elastic":{"hosts":"http://es:9200"}}   | Field 'elastic.hosts' must be an array.
            number for string         | {"kind":"inspect","mongo":{"uri":27017}}                  | Field 'mongo.uri' must be a string.
            not a mongodb uri         | {"kind":"inspect","mongo":{"uri":"http://mongo:27017"}}   | must start with mongodb:// or mongodb+srv://
            invalid database          | {"kind":"inspect","mongo":{"uri":"mongodb://h","database":"a/b"}} | not a valid MongoDB database name
            empty hosts               | {"kind":"inspect","elastic":{"hosts":[]}}                 | needs at least one URL
            non-http host             | {"kind":"inspect","elastic":{"hosts":["ftp://es:21"]}}    | must be an http:// or https:// URL
            credentials in host       | {"kind":"inspect","elastic":{"hosts":["http://u:p@es:9200"]}} | put credentials in 'elastic.username'
            credentials in source     | {"kind":"es-copy","source":{"hosts":["http://u:p@a:9200"]},"target":{"hosts":["http://b:9200"]}} | put credentials in 'source.username' and 'source.password'
            user without password     | {"kind":"inspect","elastic":{"hosts":["http://es:9200"],"username":"u"}} | give both or neither
            malformed json            | {"kind":"inspect",                                        | The request body is not valid JSON
            array body                | [1,2,3]                                                   | The request body must be a JSON object.
            trailing garbage          | {"kind":"inspect"} x                                      | not valid JSON
            relink without from      | {"kind":"relink","mongo":{"uri":"mongodb://h"},"to":"http://b/"}   | Field 'from' is required
            relink slash mismatch     | {"kind":"relink","mongo":{"uri":"mongodb://h"},"from":"http://a/","to":"http://b"} | both end with / or neither
            relink same prefix        | {"kind":"relink","mongo":{"uri":"mongodb://h"},"from":"http://a/","to":"http://a/"} | the same URL
            relink unknown scheme     | {"kind":"relink","mongo":{"uri":"mongodb://h"},"from":"ftp://a/","to":"http://b/"} | one of the schemes http, https, s3, gs, azure, file
            relink unknown group      | {"kind":"relink","mongo":{"uri":"mongodb://h"},"from":"http://a/","to":"http://b/","include":["x"]} | Unknown 'include' group 'x'
            relink dryRun not boolean | {"kind":"relink","mongo":{"uri":"mongodb://h"},"from":"http://a/","to":"http://b/","dryRun":"yes"} | Field 'dryRun' must be
            relink fields on inspect  | {"kind":"inspect","mongo":{"uri":"mongodb://h"},"from":"http://a/","to":"http://b/"} | apply to relink migrations only
            null in a list            | {"kind":"relink","mongo":{"uri":"mongodb://h"},"from":"http://a/","to":"http://b/","include":[null]} | Field 'include[0]' must not be null
            control character in db   | {"kind":"inspect","mongo":{"uri":"mongodb://h","database":"a\\u0000b"}} | not a valid MongoDB database name
            string body               | "inspect"                                                 | The request body must be a JSON object.
            number body               | 42                                                        | The request body must be a JSON object.
            null body                 | null                                                      | must be a JSON object, not null
            copy without target       | {"kind":"es-copy","source":{"hosts":["http://old:9200"]}} | An es-copy needs 'source' and 'target'
            copy onto its source      | {"kind":"es-copy","source":{"hosts":["http://es:9200"]},"target":{"hosts":["http://ES:9200/"]}} | a copy needs two different clusters
            copy invalid pattern      | {"kind":"es-copy","source":{"hosts":["http://a:9200"]},"target":{"hosts":["http://b:9200"]},"indices":["_all"]} | Index pattern '_all' is not valid
            copy no patterns          | {"kind":"es-copy","source":{"hosts":["http://a:9200"]},"target":{"hosts":["http://b:9200"]},"indices":[]} | needs 1 to 100 index patterns
            copy unknown choice       | {"kind":"es-copy","source":{"hosts":["http://a:9200"]},"target":{"hosts":["http://b:9200"]},"ifTargetExists":"replace"} | must be one of fail, skip, overwrite
            copy rate of zero         | {"kind":"es-copy","source":{"hosts":["http://a:9200"]},"target":{"hosts":["http://b:9200"]},"maxDocsPerSecond":0} | must be between 1 and 10000000
            copy absurd rate          | {"kind":"es-copy","source":{"hosts":["http://a:9200"]},"target":{"hosts":["http://b:9200"]},"maxDocsPerSecond":99999999999999999999} | maxDocsPerSecond
            copy negative replicas    | {"kind":"es-copy","source":{"hosts":["http://a:9200"]},"target":{"hosts":["http://b:9200"]},"replicas":-1} | Field 'replicas' must be between 0 and 20
            copy replicas as text     | {"kind":"es-copy","source":{"hosts":["http://a:9200"]},"target":{"hosts":["http://b:9200"]},"replicas":"none"} | replicas
            kind not a string         | {"kind":42,"mongo":{"uri":"mongodb://h"}}                | Field 'kind' must be a string.
            undo submitted directly   | {"kind":"undo","mongo":{"uri":"mongodb://h"}}            | POST /migrations/{id}/undo with the relink's id
            copy fields on inspect    | {"kind":"inspect","mongo":{"uri":"mongodb://h"},"indices":["events-*"]} | apply to es-copy migrations only
            field of no kind          | {"kind":"relink","mongo":{"uri":"mongodb://h"},"from":"http://a/","to":"http://b/","fromm":"x"} | Unknown field 'fromm'. Allowed here: dryRun, elastic, extraFields, from, include, kind, mongo, to.
            copy with relink fields   | {"kind":"es-copy","source":{"hosts":["http://a:9200"]},"target":{"hosts":["http://b:9200"]},"from":"http://a/","to":"http://b/"} | belong to other kinds
            """)
    void badInputIsA400WithASentenceNamingTheProblem(String name, String body, String message) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/migrations")
                .then()
                .statusCode(400)
                .body("error", containsString(message));
    }

    @Test
    void anEmptyBodyIsA400() {
        given().contentType(ContentType.JSON)
                .post("/migrations")
                .then()
                .statusCode(400)
                .body("error", equalTo("The request body is empty; send a JSON object."));
    }

    @Test
    void absurdlyLongValueIsA400() {
        String uri = "mongodb://" + "h".repeat(100_000);

        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"" + uri + "\"}}")
                .post("/migrations")
                .then()
                .statusCode(400)
                .body("error", containsString("longer than 2048 characters"));
    }

    @Test
    void aPrefixOf100KilobytesIsA400() {
        String from = "http://files.old.lan:8081/" + "p".repeat(100_000) + "/";

        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"relink\",\"from\":\"" + from
                        + "\",\"to\":\"https://files.example.com/\",\"mongo\":{\"uri\":\"mongodb://h\"}}")
                .post("/migrations")
                .then()
                .statusCode(400)
                .body("error", containsString("'from'"));
    }

    @Test
    void unknownMigrationIsA404() {
        given().get("/migrations/0000").then().statusCode(404).body("error", containsString("No migration has the id"));
        given().get("/migrations/0000/report").then().statusCode(404);
    }

    @Test
    void unreachableMongoFailsTheMigrationWithAMessageThatNamesItButNotThePassword() throws Exception {
        int closedPort = closedPort();
        String location = given().contentType(ContentType.JSON)
                .body("{\"kind\":\"inspect\",\"mongo\":{\"uri\":\"mongodb://admin:s3cret@127.0.0.1:" + closedPort
                        + "\"}}")
                .post("/migrations")
                .then()
                .statusCode(202)
                .header("Location", containsString("/migrations/"))
                .body("status", equalTo("PLANNING"))
                .extract()
                .header("Location");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(location)
                        .then()
                        .body("status", equalTo("FAILED"))
                        .body("error", startsWith("MongoDB at mongodb://admin:***@127.0.0.1:" + closedPort))
                        .body("error", containsString("unreachable")));
        assertThat(given().get(location).asString()).doesNotContain("s3cret");
        assertThat(given().get("/migrations").asString()).doesNotContain("s3cret");
    }

    @Test
    void unreachableElasticsearchFailsTheMigrationAndCredentialsAreNeverEchoed() throws Exception {
        String id = PlannerRequests.submit("{\"kind\":\"inspect\",\"elastic\":{\"hosts\":[\"http://127.0.0.1:"
                + closedPort() + "\"],\"username\":\"elastic\",\"password\":\"s3cret\"}}");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + id)
                        .then()
                        .body("status", equalTo("FAILED"))
                        .body("error", containsString("Elasticsearch at [http://127.0.0.1:")));
        assertThat(given().get("/migrations/" + id).asString()).doesNotContain("s3cret");
        assertThat(given().get("/migrations/" + id + "/report").asString()).doesNotContain("s3cret");
    }

    @Test
    void relinkExportsEquivalentElasticsearchRequestsWithTheirCaveats() throws Exception {
        String id = PlannerRequests.submit(
                "{\"kind\":\"relink\",\"from\":\"http://files.old.lan:8081/\",\"to\":\"https://files.example.com/\","
                        + "\"dryRun\":true,\"elastic\":{\"hosts\":[\"http://127.0.0.1:" + closedPort()
                        + "\"]}}");

        given().get("/migrations/" + id + "/elastic-requests")
                .then()
                .statusCode(200)
                .body("requests[0].path", equalTo("/events-training_debug_image-*/_update_by_query?conflicts=proceed"))
                .body("requests[0].body.query.prefix.url", equalTo("http://files.old.lan:8081/"))
                .body("requests[1].body.script.params.new", equalTo("https://files.example.com/"))
                .body("caveats[0]", containsString("plot_data"));
    }

    @Test
    void undoOfAnInspectIsAConflictWithTheReason() throws Exception {
        String id = PlannerRequests.submit(
                "{\"kind\":\"inspect\",\"elastic\":{\"hosts\":[\"http://127.0.0.1:" + closedPort() + "\"]}}");

        given().post("/migrations/" + id + "/undo")
                .then()
                .statusCode(409)
                .body("error", equalTo("Migration " + id + " is an inspect; only relinks can be undone."));
        given().post("/migrations/nope/undo").then().statusCode(404);
    }

    @Test
    void healthAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/migrations"));
    }

    @Test
    void theApiDescriptionNamesEveryBodyAndSwaggerUiIsServed() {
        JsonPath api = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(api.getString("paths.'/migrations'.post.requestBody.content.'application/json'.schema.$ref"))
                .endsWith("/MigrationRequest");
        // One schema per kind, chosen by 'kind', each with its own fields only.
        assertThat(api.getList("components.schemas.MigrationRequest.oneOf.$ref", String.class))
                .containsExactly(
                        "#/components/schemas/InspectRequest",
                        "#/components/schemas/RelinkRequest",
                        "#/components/schemas/EsCopyRequest");
        assertThat(api.getString("components.schemas.MigrationRequest.discriminator.propertyName"))
                .isEqualTo("kind");
        assertThat(api.getMap("components.schemas.MigrationRequest.discriminator.mapping"))
                .containsOnlyKeys("inspect", "relink", "es-copy");
        assertThat(api.getMap("components.schemas.RelinkRequest.properties"))
                .containsKeys("kind", "mongo", "elastic", "from", "to", "dryRun", "include", "extraFields")
                .doesNotContainKeys("source", "indices");
        assertThat(api.getList("components.schemas.RelinkRequest.required", String.class))
                .contains("kind", "from", "to");
        assertThat(api.getMap("components.schemas.EsCopyRequest.properties"))
                .containsKeys("source", "target", "indices", "maxDocsPerSecond", "replicas")
                .doesNotContainKeys("mongo", "from");
        assertThat(api.getMap("components.schemas.InspectRequest.properties"))
                .containsOnlyKeys("kind", "mongo", "elastic");
        assertThat(api.getString("paths.'/migrations/{id}/retry'.post.requestBody.$ref"))
                .endsWith("/requestBodies/connections");
        assertThat(api.getString("components.requestBodies.connections.content.'application/json'.schema.$ref"))
                .endsWith("/ConnectionsRequest");
        assertThat(api.getString("paths.'/migrations'.post.responses.'400'.content.'application/json'.schema.$ref"))
                .endsWith("/ApiError");
        assertThat(api.getString("paths.'/migrations/{id}'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .endsWith("/MigrationView");
        assertThat(api.getMap("components.securitySchemes.apiToken")).containsEntry("scheme", "bearer");
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
