package com.clearmlmigrator.planner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.planner.support.PlannerInfrastructure;
import com.clearmlmigrator.testsupport.PlannerRequests;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /migrations/{id}/events}: the migration's progress as Server-Sent Events, read as a client reads them. */
@QuarkusTest
@WithTestResource(PlannerInfrastructure.class)
class MigrationEventsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI planner;

    @Test
    void aStreamFollowsTheMigrationUntilItEndsAndAResumedOneSendsNothingTheClientHad() throws Exception {
        // Elasticsearch at a closed port: planning fails within seconds, so the migration ends as FAILED.
        String id = PlannerRequests.submit(
                "{\"kind\":\"inspect\",\"elastic\":{\"hosts\":[\"http://127.0.0.1:" + closedPort() + "\"]}}");

        List<ServerEvent> events = follow(id, null);

        assertThat(events).isNotEmpty();
        ServerEvent last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("end");
        assertThat(JSON.readTree(last.data()).path("status").asText()).isEqualTo("FAILED");
        assertThat(events.subList(0, events.size() - 1))
                .allSatisfy(e -> assertThat(e.name()).isEqualTo("progress"));
        assertThat(events).extracting(ServerEvent::data).doesNotHaveDuplicates();
        assertThat(follow(id, last.id()))
                .as("resumed after the last event: nothing new")
                .isEmpty();
        assertThat(follow(id, "an-older-state"))
                .as("resumed after an older state: the final one")
                .singleElement()
                .isEqualTo(last);
    }

    @Test
    void anUnknownMigrationIsA404BeforeAnyStreamOpens() {
        given().accept("text/event-stream")
                .get("/migrations/no-such-migration/events")
                .then()
                .statusCode(404)
                .body("error", equalTo("No migration has the id 'no-such-migration'. GET /migrations lists them."));
    }

    /** The events of one stream, read until the server closes it. */
    private List<ServerEvent> follow(String id, String lastEventId) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(planner.resolve("migrations/" + id + "/events"))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(answer.statusCode()).isEqualTo(200);
            try (Stream<String> lines = answer.body()) {
                return ServerEvent.parse(lines.toList());
            }
        });
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One event as the text/event-stream format gives it. */
    record ServerEvent(String id, String name, String data) {
        static List<ServerEvent> parse(List<String> lines) {
            List<ServerEvent> events = new ArrayList<>();
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : lines) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new ServerEvent(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n")
                            .append(line.substring(5).strip());
                }
            }
            if (!data.isEmpty()) {
                events.add(new ServerEvent(id, name, data.toString()));
            }
            return events;
        }
    }
}
