package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        stopped.addAll(stopStrays(stateDir, grace));
        return stopped;
    }

    /**
     * Stops the processes of this stack that no PID file records: the service of a {@link Supervisor} that was killed
     * ({@code kill -9} of the PID a file records for a service) runs on, unsupervised and holding its port, so a new
     * start of it fails on the port, and stopping what is recorded would leave it running for ever.
     *
     * @return what it stopped, each as "name (pid N, unrecorded)"
     */
    public static List<String> stopStrays(Path stateDir, Duration grace) {
        String marker = marker(stateDir);
        Set<Long> recorded = pidFiles(stateDir).stream()
                .flatMap(pidFile -> ManagedProcess.recorded(pidFile, marker).stream())
                .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
        List<ProcessHandle> strays = ProcessHandle.allProcesses()
                .filter(process -> !recorded.contains(process.pid()))
                .filter(process -> process.info()
                        .arguments()
                        .map(arguments -> Arrays.asList(arguments).contains("-D" + marker))
                        .orElse(false))
                .toList();
        List<String> stopped =
                strays.stream().map(RecordedProcesses::describe).sorted().toList();
        AllAtOnce.run(strays, stray -> ManagedProcess.terminate(stray, grace));
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

    /** A stray by the service it runs, read from its command line: {@code -jar <module>/target/quarkus-app/...}. */
    private static String describe(ProcessHandle stray) {
        List<String> arguments = stray.info().arguments().map(Arrays::asList).orElse(List.of());
        int jar = arguments.indexOf("-jar");
        String name = jar >= 0 && jar + 1 < arguments.size()
                ? serviceOfJar(Path.of(arguments.get(jar + 1)))
                : stray.info()
                        .command()
                        .map(command -> Path.of(command).getFileName().toString())
                        .orElse("a process");
        return name + " (pid " + stray.pid() + ", unrecorded)";
    }

    private static String serviceOfJar(Path jar) {
        for (Path folder = jar.getParent(); folder != null && folder.getParent() != null; folder = folder.getParent()) {
            if (folder.getFileName().toString().equals("target")) {
                return folder.getParent().getFileName().toString();
            }
        }
        return jar.getFileName().toString();
    }

    private static String processName(Path pidFile) {
        return pidFile.getFileName().toString().replace(".pid", "");
    }

    private static boolean isServer(Path pidFile) {
        return ServerRecipes.SERVERS.contains(processName(pidFile));
    }
}
