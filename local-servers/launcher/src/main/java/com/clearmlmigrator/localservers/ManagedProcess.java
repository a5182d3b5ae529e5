package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One started process with its output in {@code <state>/logs/<name>.log} and its PID in {@code <state>/pids/<name>.pid},
 * so a later invocation (for example {@code bin/dev-stack down}) can stop it.
 */
public final class ManagedProcess {
    private final ProcessSpec spec;
    private final Path log;
    private final Path pidFile;
    private final ProcessHandle handle;

    private ManagedProcess(ProcessSpec spec, Path log, Path pidFile, ProcessHandle handle) {
        this.spec = spec;
        this.log = log;
        this.pidFile = pidFile;
        this.handle = handle;
    }

    /** Starts the process detached from this JVM: its output goes to a file, so it outlives the caller. */
    public static ManagedProcess start(ProcessSpec spec, Path stateDir) {
        try {
            Path log = Files.createDirectories(stateDir.resolve("logs")).resolve(spec.name() + ".log");
            keepPrevious(log);
            Path pidFile = Files.createDirectories(stateDir.resolve("pids")).resolve(spec.name() + ".pid");
            ProcessBuilder builder = new ProcessBuilder(spec.command());
            builder.environment().putAll(spec.environment());
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ManagedProcess(spec, log, pidFile, process.toHandle());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name(), e);
        }
    }

    /**
     * Keeps the last run's output as {@code <name>.previous.log} before the new run writes its own: an operator who runs
     * a failed command again (as an upgrade that failed says to) still has what its services said the first time.
     */
    private static void keepPrevious(Path log) throws IOException {
        if (Files.exists(log) && Files.size(log) > 0) {
            String name = log.getFileName().toString();
            Path previous = log.resolveSibling(name.substring(0, name.length() - ".log".length()) + ".previous.log");
            Files.move(log, previous, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Waits until the process is ready; fails with the tail of its log if it dies or times out first. */
    public ManagedProcess awaitReady() {
        Instant deadline = Instant.now().plus(spec.startTimeout());
        while (!spec.readiness().isReady(log)) {
            if (!handle.isAlive()) {
                throw new IllegalStateException(
                        spec.name() + " exited during start-up. Last lines of " + log + ":\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(spec.name() + " was not ready after "
                        + spec.startTimeout().toSeconds() + " s. Last lines of " + log + ":\n" + tail());
            }
            pause();
        }
        return this;
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /**
     * The CPU time the process and the processes it started (a supervised service) have used so far, all their threads
     * together; empty where the system does not say.
     */
    public Optional<Duration> cpuTime() {
        Optional<Duration> own = handle.info().totalCpuDuration();
        return own.map(time -> handle.descendants()
                .map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(time, Duration::plus));
    }

    /** The process a {@link Supervisor} runs now, or this process itself when it supervises none. */
    public ProcessHandle service() {
        return handle.children().findFirst().orElse(handle);
    }

    public Path log() {
        return log;
    }

    /** Terminates the process (SIGTERM, then SIGKILL after the grace period) and removes its PID file. */
    public void stop(Duration grace) {
        terminate(handle, grace);
        deletePidFile(pidFile);
    }

    /** The process a pid file records, if it still runs and carries {@code marker} on its command line. */
    public static Optional<ProcessHandle> recorded(Path pidFile, String marker) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops whatever a PID file records, if it is still one of ours (its command line carries {@code marker}). */
    public static Optional<String> stopRecorded(Path pidFile, String marker, Duration grace) {
        Optional<ProcessHandle> process = recorded(pidFile, marker);
        process.ifPresent(p -> terminate(p, grace));
        deletePidFile(pidFile);
        return process.map(p -> pidFile.getFileName().toString().replace(".pid", "") + " (pid " + p.pid() + ")");
    }

    /**
     * SIGTERM to the process first, so a {@link Supervisor} knows it is being stopped before its service ends; then to
     * whatever it started that still runs; SIGKILL to all of them after the grace period.
     */
    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
            for (ProcessHandle child : started) {
                child.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            started.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void deletePidFile(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // A stale PID file is harmless: the command-line check refuses to stop an unrelated process.
        }
    }

    private String tail() {
        try {
            var lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a process to start", e);
        }
    }
}
