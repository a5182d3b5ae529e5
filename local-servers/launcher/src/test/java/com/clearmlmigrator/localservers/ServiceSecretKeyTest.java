package com.clearmlmigrator.localservers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key a local stack seals store credentials with stays its owner's: not on a command line, which every user of the
 * host reads with {@code ps}, nor in a file others can read.
 */
class ServiceSecretKeyTest {
    @TempDir
    Path state;

    @TempDir
    Path checkout;

    @Test
    void aServiceFindsTheKeyInItsEnvironmentNotOnItsCommandLine() throws IOException {
        ProcessSpec planner = recipes().service(LocalStack.PLANNER, "planner-service", 8080, false, List.of());

        String key = Files.readString(state.resolve("secret-key")).trim();
        assertEquals(key, planner.environment().get("MIGRATOR_SECRET_KEY"));
        String commandLine = String.join(" ", planner.command());
        assertFalse(commandLine.contains(key) || commandLine.contains("secret-key"), commandLine);
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnlyAlsoWhenAnEarlierVersionLeftItOpen() throws IOException {
        recipes().service(LocalStack.PLANNER, "planner-service", 8080, false, List.of());
        Path file = state.resolve("secret-key");
        assertEquals("rw-------", permissions(file));
        String key = Files.readString(file);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        recipes().service(LocalStack.PLANNER, "planner-service", 8080, false, List.of());

        assertEquals("rw-------", permissions(file));
        assertEquals(key, Files.readString(file), "the same key, so running services still open what was sealed");
    }

    @Test
    void aStartedProcessGetsTheSpecsEnvironment() {
        ProcessSpec spec = new ProcessSpec(
                "printer",
                List.of("sh", "-c", "echo \"key=$MIGRATOR_SECRET_KEY\"; sleep 30"),
                Map.of("MIGRATOR_SECRET_KEY", "k3y"),
                new Readiness.LogMarker("key="),
                Duration.ofSeconds(10));
        ManagedProcess process = ManagedProcess.start(spec, state);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.readString(process.log()).contains("key=k3y"));
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
    }

    /** Recipes of a checkout whose planner is built (an empty jar: nothing here starts it). */
    private ServiceRecipes recipes() throws IOException {
        Path jar = checkout.resolve(LocalStack.PLANNER).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        if (!Files.exists(jar)) {
            Files.createFile(jar);
        }
        return new ServiceRecipes(new RepoLayout(checkout), StackPorts.free(), StackOptions.forTests(), state);
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
