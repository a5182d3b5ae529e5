package com.clearmlmigrator.localservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code bin/dev-stack up} reads before it starts anything: which recorded processes of a stack still run. */
class RecordedStackTest {
    @TempDir
    Path stateDir;

    private Process running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.destroyForcibly();
        }
    }

    @Test
    void namesOnlyRecordedProcessesThatRunAndCarryThisStacksMarker() throws IOException {
        // "; exit 0" keeps bash, whose command line carries the marker, from handing its process over to sleep.
        running = new ProcessBuilder(
                        "bash", "-c", "sleep 60; exit 0", LocalStack.MARKER_PROPERTY + "=" + stateDir.toAbsolutePath())
                .start();
        Process unmarked = new ProcessBuilder("sleep", "60").start();
        try {
            Path pids = Files.createDirectories(stateDir.resolve("pids"));
            Files.writeString(pids.resolve("kafka.pid"), Long.toString(running.pid()));
            Files.writeString(pids.resolve("mongo.pid"), Long.toString(unmarked.pid()));
            Files.writeString(pids.resolve("planner-service.pid"), "999999999");
            Files.writeString(pids.resolve("elastic-worker.pid"), "not a pid");

            assertEquals(List.of("kafka"), LocalStack.recordedAlive(stateDir));
        } finally {
            unmarked.destroyForcibly();
        }
    }

    @Test
    void upStartsWhatARunningStackLacksServersFirst() {
        List<String> everything = List.of(
                "kafka",
                "mongo",
                "elasticsearch-7",
                "elasticsearch-5",
                "s3",
                "planner-service",
                "mongo-worker",
                "elastic-worker");

        assertEquals(everything, LocalStack.missing(List.of(), true));
        for (String stopped : List.of("kafka", "mongo-worker")) {
            List<String> running =
                    everything.stream().filter(name -> !name.equals(stopped)).toList();
            assertEquals(List.of(stopped), LocalStack.missing(running, true));
        }
        assertEquals(List.of(), LocalStack.missing(everything, true));
        assertEquals(List.of(), LocalStack.missing(LocalStack.SERVERS, false), "servers asks for no service");
    }

    /**
     * A {@code kill -9} of a supervisor (the PID a service's file records) leaves its service running, unrecorded and
     * holding its port: {@code down} stops it too, and {@code up} before it starts anything; another stack's are left.
     */
    @Test
    void stoppingAStackAlsoStopsItsProcessesThatNoPidFileRecordsAndNoOtherStacks() throws IOException {
        Process recorded = marked(stateDir);
        Process stray = marked(stateDir, "-jar", "/opt/migrator/planner-service/target/quarkus-app/quarkus-run.jar");
        Process otherStack = marked(stateDir.resolve("other"));
        try {
            Path pids = Files.createDirectories(stateDir.resolve("pids"));
            Files.writeString(pids.resolve("kafka.pid"), Long.toString(recorded.pid()));

            List<String> stopped = LocalStack.stopRecorded(stateDir);

            assertEquals(
                    List.of(
                            "kafka (pid " + recorded.pid() + ")",
                            "planner-service (pid " + stray.pid() + ", unrecorded)"),
                    stopped);
            assertFalse(stray.isAlive(), "the unrecorded process of this stack is stopped");
            assertTrue(otherStack.isAlive(), "another stack's process is left alone");
        } finally {
            List.of(recorded, stray, otherStack).forEach(Process::destroyForcibly);
        }
    }

    /** A process that carries the stack's marker as a service does ({@code -Dclearml-migrator.stack=<dir>}). */
    private static Process marked(Path stack, String... moreArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "bash", "-c", "sleep 60; exit 0", "-D" + LocalStack.MARKER_PROPERTY + "=" + stack.toAbsolutePath()));
        command.addAll(List.of(moreArguments));
        return new ProcessBuilder(command).start();
    }

    @Test
    void aStackNeverStartedHasNothingRunning() {
        assertEquals(List.of(), LocalStack.recordedAlive(stateDir.resolve("never-used")));
    }
}
