package com.clearmlmigrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Every message on the wire keeps its JSON shape: golden samples read and write back unchanged. */
class GoldenSamplesTest {
    /** Configured like the Quarkus ObjectMapper the services use for their Kafka serdes. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("migration-task-inspect-collection.json", MigrationTask.class),
                Arguments.of("migration-task-inspect-index.json", MigrationTask.class),
                Arguments.of("task-result-collection-inspection.json", TaskResult.class),
                Arguments.of("task-result-index-inspection.json", TaskResult.class),
                Arguments.of("task-result-failed.json", TaskResult.class),
                Arguments.of("task-result-failed-with-remedy.json", TaskResult.class),
                Arguments.of("task-result-failed-part-way.json", TaskResult.class),
                Arguments.of("migration-task-relink-index.json", MigrationTask.class),
                Arguments.of("migration-task-sent.json", MigrationTask.class),
                Arguments.of("migration-closed.json", MigrationClosed.class),
                Arguments.of("task-result-relink.json", TaskResult.class),
                Arguments.of("migration-progress.json", MigrationProgress.class),
                Arguments.of("worker-heartbeat.json", WorkerHeartbeat.class));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleRoundTripsWithoutChange(String sample, Class<?> type) throws IOException {
        String golden = read(sample);

        Object message = JSON.readValue(golden, type);

        JsonNode written = JSON.readTree(JSON.writeValueAsString(message));
        assertThat(written).isEqualTo(JSON.readTree(golden));
    }

    @Test
    void anInspectionFromAWorkerBeforeTheCensusReadsWithNoPrefixes() throws IOException {
        TaskResult result =
                JSON.readValue(read("task-result-collection-inspection-before-census.json"), TaskResult.class);

        assertThat(((CollectionInspection) result.report()).urlPrefixes()).isEmpty();
    }

    @Test
    void aHeartbeatFromAWorkerBeforeClaimsWereSentClaimsNothingAndIsBusyWithItsTasks() throws IOException {
        WorkerHeartbeat heartbeat = JSON.readValue(read("worker-heartbeat-before-claims.json"), WorkerHeartbeat.class);

        assertThat(heartbeat.claiming()).isEmpty();
        assertThat(heartbeat.tasks()).hasSize(2);
        assertThat(heartbeat.busy()).isTrue();
    }

    @Test
    void aHeartbeatSaysWhichStoreATaskWaitsForAndATaskAtWorkWaitsForNone() throws IOException {
        WorkerHeartbeat heartbeat = JSON.readValue(read("worker-heartbeat.json"), WorkerHeartbeat.class);

        assertThat(heartbeat.tasks().get(0).waiting()).isNull();
        assertThat(heartbeat.tasks().get(1).waiting())
                .isEqualTo(new StoreWait(
                        "Elasticsearch at [http://elasticsearch:9200] is unreachable: Connection refused.",
                        Instant.parse("2026-11-23T01:19:58Z"),
                        2,
                        8));
    }

    @Test
    void aHeartbeatSaysHowLongATasksStoreHasNotAnsweredItAndATaskOfAnOlderWorkerSaysNothing() throws IOException {
        WorkerHeartbeat heartbeat = JSON.readValue(read("worker-heartbeat.json"), WorkerHeartbeat.class);

        assertThat(heartbeat.tasks().get(0).answeredAt()).isNull();
        assertThat(heartbeat.tasks().get(0).unansweredFor()).isZero();
        assertThat(heartbeat.tasks().get(1).unansweredFor()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aHeartbeatNarrowedToSomeMigrationsKeepsTheirTasksPerformedAndTakenUp() throws IOException {
        WorkerHeartbeat heartbeat = JSON.readValue(read("worker-heartbeat.json"), WorkerHeartbeat.class);
        String second = "9a0b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";

        WorkerHeartbeat narrowed = heartbeat.onlyOf(List.of(second));

        assertThat(heartbeat.migrationIds()).containsExactly("4f1c2a9e8b7d4c3fa1e2d3c4b5a69788", second);
        assertThat(narrowed.tasks())
                .extracting(progress -> progress.taskId().migrationId())
                .containsExactly(second);
        assertThat(narrowed.claiming()).containsExactly(TaskId.parse(second + "-0014"));
        assertThat(heartbeat.onlyOf(List.of()).busy()).isFalse();
    }

    @Test
    void copyTaskPlannedBeforeTemplateKindsPutsLegacyTemplates() throws IOException {
        CopySpec.Prepare prepare =
                (CopySpec.Prepare) JSON.readValue(read("copy-prepare-before-template-kinds.json"), CopySpec.class);

        assertThat(prepare.templates()).singleElement().satisfies(template -> {
            assertThat(template.kind()).isEqualTo(CopySpec.TemplateKind.LEGACY);
            assertThat(template.path()).isEqualTo("/_template/events_log");
        });
    }

    @Test
    void aCancellationAnnouncedBeforeEndsWereReadsAsACancellation() throws IOException {
        MigrationClosed closed =
                JSON.readValue(read("migration-cancelled-before-closures.json"), MigrationClosed.class);

        assertThat(closed.cancelled()).isTrue();
    }

    @Test
    void messageFromANewerVersionWithAnExtraFieldStillReads() throws IOException {
        TaskResult result = JSON.readValue(read("task-result-from-a-newer-version.json"), TaskResult.class);

        assertThat(result.reason()).isEqualTo(FailureReason.TARGET_REJECTED);
        assertThat(result.detail()).isEqualTo("index is write-blocked");
    }

    @Test
    void reportKindSelectsTheReportRecord() throws IOException {
        TaskResult result = JSON.readValue(read("task-result-index-inspection.json"), TaskResult.class);

        assertThat(result.report()).isInstanceOfSatisfying(IndexInspection.class, inspection -> {
            assertThat(inspection.routingRequired()).isTrue();
            assertThat(inspection.mappingTypes()).containsExactly("_default_", "event");
        });
    }

    private static String read(String sample) throws IOException {
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream("/samples/" + sample)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
