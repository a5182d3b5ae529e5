package com.clearmlmigrator.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.JsonNode;

class LiveBarsTest {
    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void drawsABarPerCollectionAndIndexWithItsRateAndTimeLeft() throws Exception {
        LiveBars bars = new LiveBars(new PrintWriter(new StringWriter()));
        bars.lines(relink(1, 2_000), START);

        List<String> lines = bars.lines(relink(3, 6_000), START.plusSeconds(10));

        assertThat(lines.get(0)).isEqualTo("relink m-1  RUNNING  tasks 3/8 done");
        assertThat(lines.get(1))
                .contains("model")
                .contains("[#########...............] 3/8")
                .contains("6,000 docs")
                .contains("400/s")
                .contains("ETA 0:25");
        assertThat(lines.get(2)).contains("events-plot-c1").contains("[........................] 0/2");
    }

    @Test
    void redrawsInPlaceOnATerminal() throws Exception {
        StringWriter screen = new StringWriter();
        LiveBars bars = new LiveBars(new PrintWriter(screen));

        bars.show(relink(1, 2_000));
        bars.show(relink(2, 4_000));

        assertThat(screen.toString()).contains("\u001b[3F").contains("\u001b[2K");
    }

    @Test
    void anEsCopyShowsTheWholeCopyAndEachIndexsDocumentsCopiedWithThePlannersEstimate() throws Exception {
        JsonNode copy = PlannerClient.JSON.readTree("{\"id\":\"c-1\",\"kind\":\"es-copy\",\"status\":\"RUNNING\","
                + "\"tasks\":{\"total\":4,\"succeeded\":1},\"copy\":{\"indices\":[{\"index\":\"events-log-c1\","
                + "\"documents\":1000,\"copied\":250,\"etaSeconds\":75}]}}");

        List<String> lines = new LiveBars(new PrintWriter(new StringWriter())).lines(copy, START);

        assertThat(lines.get(0)).isEqualTo("es-copy c-1  RUNNING  tasks 1/4 done, 250 of 1,000 documents (25%)");
        assertThat(lines.get(1)).contains("250/1,000").contains("ETA 1:15");
    }

    private static JsonNode relink(int modelPartsEnded, long modelDocuments) throws Exception {
        return PlannerClient.JSON.readTree("{\"id\":\"m-1\",\"kind\":\"relink\",\"status\":\"RUNNING\","
                + "\"tasks\":{\"total\":8,\"succeeded\":" + modelPartsEnded + "},\"progress\":["
                + "{\"target\":\"model\",\"parts\":8,\"partsEnded\":" + modelPartsEnded + ",\"documents\":"
                + modelDocuments + "},"
                + "{\"target\":\"events-plot-c1\",\"parts\":2,\"partsEnded\":0,\"documents\":0}]}");
    }
}
