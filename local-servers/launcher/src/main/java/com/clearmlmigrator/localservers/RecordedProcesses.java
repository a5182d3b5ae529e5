package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The processes an earlier invocation started in a state directory, found through the PID files it left there: to
 * tell what still runs, and to stop it from another process ({@code bin/dev-stack down}, a {@code --local} run after
 * one that was killed).
 */
public final class RecordedProcesses {
    private RecordedProcesses() {}

    /** The names of the processes recorded in {@code stateDir} that still run. */
    public static List<String> alive(Path stateDir) {
        String marker = marker(stateDir);
        return pidFiles(stateDir).stream()
                .filter(pidFile -> ManagedProcess.recorded(pidFile, marker).isPresent())
                .map(RecordedProcesses::processName)
                .sorted()
                .toList();
    }

    /** Stops what is recorded in {@code stateDir}, the services together, then the servers; returns what it stopped. */
    public static List<String> stop(Path stateDir, Duration grace) {
        String marker = marker(stateDir);
        List<String> stopped = new ArrayList<>();
        Map<Boolean, List<Path>> byRole =
                pidFiles(stateDir).stream().collect(Collectors.partitioningBy(RecordedProcesses::isServer));
        for (List<Path> wave : List.of(byRole.get(false), byRole.get(true))) {
            List<String> stoppedNow = Collections.synchronizedList(new ArrayList<>());
            AllAtOnce.run(
                    wave,
                    pidFile ->
                            ManagedProcess.stopRecorded(pidFile, marker, grace).ifPresent(stoppedNow::add));
            stoppedNow.stream().sorted().forEach(stopped::add);
        }
        return stopped;
    }

    /** What an invocation's processes carry on their command line, so that only they are ever found or stopped. */
    private static String marker(Path stateDir) {
        return LocalStack.MARKER_PROPERTY + "=" + stateDir.toAbsolutePath();
    }

    private static List<Path> pidFiles(Path stateDir) {
        Path pids = stateDir.toAbsolutePath().resolve("pids");
        if (!Files.isDirectory(pids)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pids)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String processName(Path pidFile) {
        return pidFile.getFileName().toString().replace(".pid", "");
    }

    private static boolean isServer(Path pidFile) {
        return ServerRecipes.SERVERS.contains(processName(pidFile));
    }
}
