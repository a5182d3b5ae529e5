package com.clearmlmigrator.cli.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.planner.PlannerException;
import com.clearmlmigrator.localservers.FolderNode;
import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.RepoLayout;
import com.clearmlmigrator.localservers.StackOptions;
import com.clearmlmigrator.localservers.StackPorts;

/**
 * The migrator itself, started on this host for one command ({@code --local}): Kafka and the migrator's state store
 * (the MongoDB wire server on H2 files, so past migrations, their journals and reports outlive the run), the planner
 * and one worker of each kind, all on free loopback ports. One run at a time per state folder, held by a file lock;
 * processes a killed run left behind are stopped first. Closing it, or the JVM ending (Ctrl-C), stops them all.
 */
public final class LocalMigrator implements AutoCloseable {
    private final Path stateDir;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final LocalStack stack;
    private final StackPorts ports;
    private final Thread stopOnExit;
    private final PrintWriter err;
    private volatile Runnable onInterrupt = this::sayHowToComeBack;
    private volatile boolean interrupted;

    private LocalMigrator(RepoLayout layout, Path stateDir, FileChannel lockFile, FileLock lock, PrintWriter err) {
        this.stateDir = stateDir;
        this.lockFile = lockFile;
        this.lock = lock;
        this.err = err;
        this.ports = StackPorts.free();
        this.stack = new LocalStack(layout, ports, StackOptions.fromEnvironment(System.getenv()), stateDir);
        this.stopOnExit = new Thread(this::stopOnInterrupt, "local-migrator-stop");
    }

    /**
     * Starts the migrator in {@code stateDir} and returns once the planner answers.
     *
     * @throws PlannerException when another run holds the folder, or the migrator cannot start (with the log to read)
     */
    public static LocalMigrator start(Path stateDir, PrintWriter err) {
        LocalMigrator migrator = locked(checkout(), stateDir, err);
        migrator.startOrClose(List.of());
        return migrator;
    }

    /**
     * As {@link #start(Path, PrintWriter)}, with Elasticsearch nodes on data folders started alongside; they stop with
     * the migrator, or with {@link #stop}.
     *
     * @param onInterrupt what Ctrl-C does and says before everything stops, instead of saying how to come back to a
     *                    migration under way (which cannot go on without the nodes); it runs on the shutdown hook's
     *                    thread while the command's own may still be at work
     */
    public static LocalMigrator start(Path stateDir, PrintWriter err, List<FolderNode> nodes, Runnable onInterrupt) {
        LocalMigrator migrator = locked(checkout(), stateDir, err);
        migrator.onInterrupt = onInterrupt;
        migrator.startOrClose(nodes);
        return migrator;
    }

    private void startOrClose(List<FolderNode> nodes) {
        try {
            startStack(nodes);
        } catch (RuntimeException e) {
            close();
            throw new PlannerException(
                    "The local migrator could not start: " + e.getMessage() + " Its logs are in "
                            + stateDir.resolve("logs") + ".",
                    ExitCode.PLANNER_UNREACHABLE,
                    e);
        }
    }

    /**
     * Stops what a killed run left running in {@code stateDir}, as {@link #start} does first: before a command checks
     * the folders that run's nodes still hold.
     *
     * @throws PlannerException when another run is using the folder now
     */
    public static void stopLeftBehind(Path stateDir, PrintWriter err) {
        LocalMigrator migrator = locked(checkout(), stateDir, err);
        try {
            migrator.stopWhatAnEarlierRunLeft();
        } finally {
            migrator.release();
        }
    }

    public String plannerUrl() {
        return ports.plannerUrl();
    }

    /**
     * Stops nodes, all at once, waiting up to {@code grace} for each to write out what it holds before it is killed.
     */
    public void stop(List<String> names, Duration grace) {
        if (!interrupted) { // else Ctrl-C's hook stops everything, and these may be gone already
            stack.stop(names, grace);
        }
    }

    /** Starts more Elasticsearch workers, so more slices are copied at once. */
    public void addElasticWorkers(int count) {
        for (int worker = 2; worker <= count + 1; worker++) {
            stack.startService(
                    LocalStack.ELASTIC_WORKER, LocalStack.ELASTIC_WORKER + "-" + worker, StackPorts.freePort());
        }
    }

    @Override
    public void close() {
        try {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Closed from the shutdown hook's own run: nothing to remove.
        } finally {
            release();
        }
        err.println("Stopped the local migrator. Its state, reports and logs stay in " + stateDir + ".");
        err.flush();
    }

    /** Ctrl-C, or the JVM ending otherwise, while the command ran: what runs stops, and is started again next time. */
    private void stopOnInterrupt() {
        interrupted = true;
        err.println();
        try {
            onInterrupt.run();
        } finally {
            err.flush();
            stack.close();
        }
    }

    private void sayHowToComeBack() {
        err.println(
                "Stopping the local migrator; a migration under way goes on with `clearml-migrator watch ID --local`.");
    }

    /** The checkout whose jars run the migrator: {@code bin/clearml-migrator} names it. */
    private static RepoLayout checkout() {
        try {
            return RepoLayout.locate();
        } catch (IllegalStateException e) {
            throw new PlannerException(
                    "--local runs the migrator from a checkout of clearml-migrator, through bin/clearml-migrator: "
                            + e.getMessage(),
                    ExitCode.BAD_INPUT,
                    e);
        }
    }

    private static LocalMigrator locked(RepoLayout layout, Path stateDir, PrintWriter err) {
        FileChannel channel = null;
        try {
            Files.createDirectories(stateDir);
            channel = FileChannel.open(
                    stateDir.resolve("local-run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new PlannerException(
                        "Another --local run is using " + stateDir + "; wait for it to end, or give this one its own"
                                + " folder with --state-dir.",
                        ExitCode.BAD_INPUT);
            }
            return new LocalMigrator(layout, stateDir, channel, lock, err);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PlannerException(
                    "Cannot use " + stateDir + " for the local migrator's state: " + e.getMessage()
                            + ". Give a writable folder with --state-dir or CLEARML_MIGRATOR_HOME.",
                    ExitCode.BAD_INPUT,
                    e);
        }
    }

    private void stopWhatAnEarlierRunLeft() {
        List<String> leftBehind = LocalStack.stopRecorded(stateDir);
        if (!leftBehind.isEmpty()) {
            err.println("Stopped what an earlier run left running: " + String.join(", ", leftBehind));
            err.flush();
        }
    }

    private void startStack(List<FolderNode> nodes) {
        stopWhatAnEarlierRunLeft();
        err.println("Starting the migrator on this host (Kafka, its state store, the planner, one worker of each"
                + " kind; state in " + stateDir + ")...");
        err.flush();
        long started = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        // The nodes open their folders while the migrator starts: neither waits for the other.
        CompletableFuture<Void> nodesReady = CompletableFuture.runAsync(() -> stack.startElasticOnFolders(nodes));
        stack.startMigratorServers();
        stack.startServices();
        try {
            nodesReady.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        err.printf(
                "Started in %d s; the planner is at %s.%n",
                (System.nanoTime() - started) / 1_000_000_000, plannerUrl());
        err.flush();
    }

    private void release() {
        try {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(lockFile);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
    }
}
