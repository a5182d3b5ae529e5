package com.clearmlmigrator.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.JsonNode;

class PlainLinesTest {
    @Test
    void everyLineBeginsWithHoursMinutesAndSecondsEvenOnTheFullMinute() throws Exception {
        JsonNode copy = PlannerClient.JSON.readTree("{\"id\":\"c-1\",\"kind\":\"es-copy\",\"status\":\"RUNNING\","
                + "\"tasks\":{\"total\":24,\"succeeded\":17},\"copy\":{\"indices\":[{\"index\":\"events-log-c1\","
                + "\"documents\":40000,\"copied\":36070}]}}");

        assertThat(PlainLines.line(copy, LocalTime.of(14, 19, 0)))
                .isEqualTo("14:19:00 es-copy c-1  RUNNING  tasks 17/24 done, 36,070 documents");
        assertThat(PlainLines.line(copy, LocalTime.of(9, 5, 7, 900_000_000))).startsWith("09:05:07 es-copy");
    }
}
