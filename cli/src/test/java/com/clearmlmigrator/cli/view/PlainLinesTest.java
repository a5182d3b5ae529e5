package com.clearmlmigrator.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.planner.PlannerClient;
import com.fasterxml.jackson.databind.JsonNode;

class PlainLinesTest {
    private static final Instant FIRST = Instant.parse("2026-12-07T01:40:00Z");
    private static final LocalTime CLOCK = LocalTime.of(1, 40, 0);

    @Test
    void everyLineBeginsWithHoursMinutesAndSecondsEvenOnTheFullMinute() throws Exception {
        JsonNode copy = copy(17, 36_070, 40_000);

        assertThat(PlainLines.line(copy, LocalTime.of(14, 19, 0), WholeMigration.pace(), FIRST))
                .startsWith("14:19:00 es-copy c-1  RUNNING  tasks 17/24 done, ");
        assertThat(PlainLines.line(copy, LocalTime.of(9, 5, 7, 900_000_000), WholeMigration.pace(), FIRST))
                .startsWith("09:05:07 es-copy");
    }

    @Test
    void aCopySaysHowManyOfItsDocumentsAreCopiedAndHowLongTheRestTakesAtItsPaceSoFar() throws Exception {
        // 409,699 more in 30 s: the 519,814 left take 38.06 s at that pace, said as 0:39; none once all are copied.
        assertThat(linesOf(
                        at(0, copy(11, 125_097, 1_054_610)),
                        at(30, copy(14, 534_796, 1_054_610)),
                        at(80, copy(24, 1_054_610, 1_054_610))))
                .containsExactly(
                        "01:40:00 es-copy c-1  RUNNING  tasks 11/24 done, 125,097 of 1,054,610 documents (11%)",
                        "01:40:00 es-copy c-1  RUNNING  tasks 14/24 done, 534,796 of 1,054,610 documents (50%), about"
                                + " 0:39 left",
                        "01:40:00 es-copy c-1  RUNNING  tasks 24/24 done, 1,054,610 of 1,054,610 documents (100%)");
    }

    @Test
    void theCopysPaceIsCountedFromWhenItsFirstDocumentsArrivedNotFromWhileItPrepared() throws Exception {
        // 48,503 more in 7 s: the 1,000,347 left take about 2:25, not the 5:32 a pace counted from the first line says.
        assertThat(lastOf(
                        at(0, copy(0, 0, 1_054_610)),
                        at(5, copy(6, 0, 1_054_610)),
                        at(11, copy(18, 5_760, 1_054_610)),
                        at(18, copy(19, 54_263, 1_054_610))))
                .endsWith(", 54,263 of 1,054,610 documents (5%), about 2:25 left");
    }

    @Test
    void aRelinkSaysHowManyOfTheDocumentsItsCollectionsAndIndicesHeldWhenPlannedItHasScanned() throws Exception {
        // 53,794 more in 10 s: the 53,831 left take a little over 10 s at that pace. Then ClearML wrote more after the
        // relink was planned (it should have been stopped): never past 100%.
        assertThat(linesOf(
                        at(0, relink(6, 23_938, 0)), at(10, relink(16, 77_732, 0)), at(20, relink(20, 131_563, 2_000))))
                .containsExactly(
                        "01:40:00 relink r-1  RUNNING  tasks 12/43 done, 27,938 of 135,563 documents (20%)",
                        "01:40:00 relink r-1  RUNNING  tasks 22/43 done, 81,732 of 135,563 documents (60%), about 0:11"
                                + " left",
                        "01:40:00 relink r-1  RUNNING  tasks 26/43 done, 137,563 of 135,563 documents (100%)");
    }

    @Test
    void theTimeLeftFollowsThePaceOfTheLastMinuteWhenTheMigrationSlowsFromDebugImagesToPlots() throws Exception {
        // 4,000 in the last 40 s: the 58,563 left take about 9:46, where the pace since the start (67,000 in 100 s)
        // would say 1:28.
        assertThat(lastOf(
                        at(0, relink(2, 6_000, 0)),
                        at(30, relink(8, 66_000, 0)),
                        at(60, relink(12, 69_000, 0)),
                        at(100, relink(14, 73_000, 0))))
                .endsWith(", 77,000 of 135,563 documents (56%), about 9:46 left");
    }

    @Test
    void aRelinkOfAPlannerThatDidNotCountItsDocumentsSaysOnlyThoseScanned() throws Exception {
        JsonNode relink = PlannerClient.JSON.readTree("{\"id\":\"r-1\",\"kind\":\"relink\",\"status\":\"RUNNING\","
                + "\"tasks\":{\"total\":43,\"succeeded\":12},\"progress\":[{\"target\":\"task\",\"parts\":20,"
                + "\"partsEnded\":6,\"documents\":23938},{\"target\":\"model\",\"parts\":3,\"partsEnded\":3,"
                + "\"documents\":4000}],\"notice\":\"A notice.\"}");

        assertThat(PlainLines.line(relink, LocalTime.of(2, 0, 5), WholeMigration.pace(), FIRST))
                .isEqualTo("02:00:05 relink r-1  RUNNING  tasks 12/43 done, 27,938 documents. A notice.");
    }

    /** A snapshot as a display sees it, this many seconds after the first. */
    private record Seen(int second, JsonNode snapshot) {}

    private static Seen at(int second, JsonNode snapshot) {
        return new Seen(second, snapshot);
    }

    /** The lines one display prints for these snapshots in turn, the clock at 01:40:00. */
    private static List<String> linesOf(Seen... seen) {
        Rates pace = WholeMigration.pace();
        return Arrays.stream(seen)
                .map(s -> PlainLines.line(s.snapshot(), CLOCK, pace, FIRST.plusSeconds(s.second())))
                .toList();
    }

    private static String lastOf(Seen... seen) {
        List<String> lines = linesOf(seen);
        return lines.get(lines.size() - 1);
    }

    private static JsonNode relink(int taskPartsEnded, long taskDocuments, long modelDocumentsAdded) throws Exception {
        return PlannerClient.JSON.readTree("{\"id\":\"r-1\",\"kind\":\"relink\",\"status\":\"RUNNING\","
                + "\"tasks\":{\"total\":43,\"succeeded\":" + (taskPartsEnded + 6) + "},\"progress\":["
                + "{\"target\":\"task\",\"parts\":20,\"partsEnded\":" + taskPartsEnded + ",\"documents\":"
                + taskDocuments + ",\"documentsPlanned\":131563},{\"target\":\"model\",\"parts\":3,"
                + "\"partsEnded\":3,\"documents\":" + (4000 + modelDocumentsAdded) + ",\"documentsPlanned\":4000}]}");
    }

    private static JsonNode copy(int tasksDone, long copied, long documents) throws Exception {
        return PlannerClient.JSON.readTree("{\"id\":\"c-1\",\"kind\":\"es-copy\",\"status\":\"RUNNING\","
                + "\"tasks\":{\"total\":24,\"succeeded\":" + tasksDone + "},\"copy\":{\"indices\":["
                + "{\"index\":\"events-log-c1\",\"documents\":" + (documents - 40) + ",\"copied\":"
                + Math.min(copied, documents - 40) + "},{\"index\":\"events-plot-heavy\",\"documents\":40,"
                + "\"copied\":" + Math.max(0, copied - (documents - 40)) + "}]}}");
    }
}
