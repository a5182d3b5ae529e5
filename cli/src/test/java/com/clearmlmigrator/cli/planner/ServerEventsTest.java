package com.clearmlmigrator.cli.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServerEventsTest {
    @Test
    void readsEventsAtTheBlankLineAfterTheirFields() {
        ServerEvents reader = new ServerEvents();
        List<ServerEvents.Event> events = new ArrayList<>();
        for (String line : List.of(
                "id:a1",
                "event:progress",
                "data:{\"status\":\"RUNNING\"}",
                "",
                ": a comment",
                "",
                "id: b2",
                "event: end",
                "data: {\"status\":",
                "data: \"SUCCEEDED\"}",
                "")) {
            ServerEvents.Event event = reader.accept(line);
            if (event != null) {
                events.add(event);
            }
        }

        assertThat(events)
                .containsExactly(
                        new ServerEvents.Event("a1", "progress", "{\"status\":\"RUNNING\"}"),
                        new ServerEvents.Event("b2", "end", "{\"status\":\n\"SUCCEEDED\"}"));
    }
}
