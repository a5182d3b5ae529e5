package com.clearmlmigrator.localservers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {
    @TempDir
    Path state;

    @Test
    void aServiceThatDiesIsStartedAgainAndStoppingTheSupervisorStopsItForGood() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessSpec spec = new ProcessSpec(
                "sleeper",
                List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Supervisor.class.getName(),
                        "sleeper",
                        "sleep",
                        "300"),
                new Readiness.LogMarker(""),
                Duration.ofSeconds(5));
        ManagedProcess supervised = ManagedProcess.start(spec, state);
        ProcessHandle first = await().atMost(Duration.ofSeconds(30))
                .until(() -> child(supervised), Optional::isPresent)
                .orElseThrow();

        first.destroyForcibly(); // as kill -9 would

        ProcessHandle second = await().atMost(Duration.ofSeconds(30))
                .until(() -> child(supervised).filter(ProcessHandle::isAlive), Optional::isPresent)
                .orElseThrow();
        assertNotEquals(first.pid(), second.pid());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.readString(supervised.log()).contains("sleeper exited with status"));

        supervised.stop(Duration.ofSeconds(30));

        assertFalse(second.isAlive(), "the service is stopped with its supervisor");
        assertFalse(supervised.isAlive());
        assertTrue(Files.readString(supervised.log()).contains("starting it again in 1 s (restart 1)"));
    }

    private static Optional<ProcessHandle> child(ManagedProcess supervisor) {
        return ProcessHandle.of(supervisor.pid()).flatMap(p -> p.children().findFirst());
    }
}
