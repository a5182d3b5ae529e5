package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the planner is told of a place, and what `report` reads back of it. */
class StateFilesReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StateFilePlace.Description BUCKET = new StateFilePlace.Description(
            "s3://datasets/clearml",
            "s3://datasets/clearml/.clearml-migrator",
            "--dataset-bucket s3://datasets/clearml",
            "is it the bucket the datasets were uploaded to?");

    private static JsonNode asTold(Object outcome) {
        return JSON.valueToTree(outcome);
    }

    @Test
    void aPlaceBegunAndNeverEndedIsReportedAsSuchWithTheOptionThatRestoresIt() {
        List<String> lines = StateFilesReport.toldLines(asTold(StateFilesReport.begun(BUCKET, false)), false);

        assertThat(lines)
                .containsExactly(
                        "Dataset state files under s3://datasets/clearml: the relink began there and has not told its"
                                + " end: its command is still at it, or it was stopped.",
                        "  Its journal there holds what it did; `undo` with --dataset-bucket s3://datasets/clearml"
                                + " restores what it changed.");
        assertThat(StateFilesReport.toldLines(asTold(StateFilesReport.begun(BUCKET, false)), true))
                .last()
                .isEqualTo("  Its journal there holds what it did; the same undo again with --dataset-bucket"
                        + " s3://datasets/clearml restores the rest.");
        assertThat(StateFilesReport.toldLines(asTold(StateFilesReport.begun(BUCKET, true)), false))
                .containsExactly("Dataset state files under s3://datasets/clearml: the dry run began there and has not"
                        + " told its end; it changes nothing.");
    }

    @Test
    void anEndedPlaceReadsBackAsTheCommandPrintedItAndAnOutcomeWithoutEndedIsAnEnd() {
        StateFilesReport report = new StateFilesReport(BUCKET, 4, 3, 6, 1, List.of("a: not JSON"), false);
        JsonNode told = asTold(report.toOutcome());

        assertThat(told.path("ended").asBoolean()).isTrue();
        assertThat(StateFilesReport.toldLines(told, false))
                .first()
                .isEqualTo(report.relinkLines().get(0));
        assertThat(StateFilesReport.toldLines(told, false)).last().isEqualTo("  Left as it is: a: not JSON");

        ((ObjectNode) told).remove("ended");
        assertThat(StateFilesReport.toldLines(told, true))
                .first()
                .isEqualTo(report.undoLines().get(0));
    }

    @Test
    void aPlaceWhoseJournalWasForgottenNoLongerOffersItsUndo() {
        StateFilesReport report = new StateFilesReport(BUCKET, 4, 3, 6, 0, List.of(), false);
        ObjectNode told = (ObjectNode) asTold(report.toOutcome());
        assertThat(StateFilesReport.toldLines(told, false))
                .contains(
                        "  Their originals are kept; `undo` with --dataset-bucket s3://datasets/clearml restores them.");

        told.put("forgotten", "2026-12-06T18:35:06Z");

        assertThat(StateFilesReport.toldLines(told, false))
                .containsExactly(
                        report.relinkLines().get(0),
                        "  Their originals were forgotten on 2026-12-06T18:35:06Z (`forget`): they keep the new links;"
                                + " `undo` restores none of them.",
                        report.relinkLines().get(2));
        ObjectNode begun = (ObjectNode) asTold(StateFilesReport.begun(BUCKET, false));
        begun.put("forgotten", "2026-12-06T18:35:06Z");
        assertThat(StateFilesReport.toldLines(begun, false))
                .last()
                .isEqualTo("  Its journal there was forgotten on 2026-12-06T18:35:06Z (`forget`): `undo` restores none"
                        + " of what it changed.");
    }

    @Test
    void aCensusToldToThePlannerReadsBackAsTheCommandPrintedIt() {
        StateFilesCensus census = new StateFilesCensus(
                BUCKET, 9, Map.of("s3://old.bucket", 3L, "http://files.example.com:8081", 40L), List.of("x: not JSON"));
        JsonNode told = asTold(census.toOutcome());

        assertThat(told.path("origins").get(0).path("origin").asText()).isEqualTo("http://files.example.com:8081");
        assertThat(StateFilesCensus.told(told).lines()).isEqualTo(census.lines());
    }
}
