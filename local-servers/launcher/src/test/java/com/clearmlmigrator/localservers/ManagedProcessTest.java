package com.clearmlmigrator.localservers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {
    @TempDir
    Path state;

    @Test
    void aProcessStartedAgainKeepsWhatItsLastRunSaidBesideWhatTheNewRunSays() throws IOException {
        run("first run");
        run("second run");
        run("third run");

        Path logs = state.resolve("logs");
        assertEquals("third run\n", Files.readString(logs.resolve("echo.log")));
        assertEquals("second run\n", Files.readString(logs.resolve("echo.previous.log")));
        try (Stream<Path> kept = Files.list(logs)) {
            assertEquals(
                    List.of("echo.log", "echo.previous.log"),
                    kept.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    /** Starts a process that prints {@code words} and ends, and waits until it has printed them. */
    private void run(String words) {
        ProcessSpec spec = new ProcessSpec(
                "echo",
                List.of("sh", "-c", "echo '" + words + "'"),
                new Readiness.LogMarker(words),
                Duration.ofSeconds(10));
        ManagedProcess process = ManagedProcess.start(spec, state);
        process.awaitReady();
        process.stop(Duration.ofSeconds(5));
    }
}
