package com.clearmlmigrator.cli.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/** Following a migration over real HTTP, against a stand-in planner that answers as the real one does. */
class EventStreamTest {
    private final AtomicInteger unavailable = new AtomicInteger(2);

    @AutoClose
    private final StandInPlanner planner = new StandInPlanner("/migrations/m1/events", this::events);

    @Test
    void aPlannerWhoseDatabaseIsAwayForAWhileIsWaitedForAndTheMigrationFollowedToItsEnd() {
        EventStream stream = new EventStream(planner.client(Duration.ofSeconds(60)));
        List<String> seen = new ArrayList<>();

        JsonNode last =
                stream.follow("m1", snapshot -> seen.add(snapshot.path("status").asText()));

        assertThat(unavailable.get()).as("every 503 was met").isNegative();
        assertThat(seen).containsExactly("SUCCEEDED");
        assertThat(last.path("status").asText()).isEqualTo("SUCCEEDED");
    }

    /** 503 with the planner's sentence while its database is "away", then the migration's end. */
    private void events(HttpExchange exchange) throws IOException {
        if (unavailable.getAndDecrement() > 0) {
            answer(exchange, 503, "application/json", "{\"error\":\"The planner's database does not answer.\"}");
        } else {
            answer(exchange, 200, "text/event-stream", "id: 1\nevent: end\ndata: {\"status\":\"SUCCEEDED\"}\n\n");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
