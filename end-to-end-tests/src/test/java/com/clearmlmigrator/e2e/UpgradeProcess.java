package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.Supervisor;

/**
 * {@code upgrade-elastic} in a process of its own ({@link CommandProcess}), so that a test can stop it as Ctrl-C
 * (SIGTERM runs the same shutdown hook; a background test run may have SIGINT ignored) or a kill does, and freeze the
 * Elasticsearch workers of the migrator it started, so that its copy is still under way when it is stopped.
 */
final class UpgradeProcess implements AutoCloseable {
    private static final Duration STARTS_COPYING = Duration.ofMinutes(3);

    private final CommandProcess command;
    private final Path stateDir;

    private UpgradeProcess(CommandProcess command, Path stateDir) {
        this.command = command;
        this.stateDir = stateDir;
    }

    /** {@code java -jar clearml-migrator.jar upgrade-elastic}, with the test's small heaps, state and log folders. */
    static UpgradeProcess start(Path work, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("upgrade-elastic"));
        command.addAll(List.of(args));
        Path stateDir = work.resolve("state").toAbsolutePath();
        command.addAll(List.of("--heap", "256m", "--state-dir", stateDir.toString(), "--log-dir", work.toString()));
        return new UpgradeProcess(CommandProcess.start(Map.of(), command), stateDir);
    }

    /** Waits until the planner has accepted the copy and it runs; returns the migration's id. */
    String awaitCopying() {
        await().atMost(STARTS_COPYING).until(() -> console().contains("RUNNING  tasks") || !command.isAlive());
        assertThat(console()).as("the upgrade's console").contains("RUNNING  tasks");
        String line = console()
                .lines()
                .filter(l -> l.startsWith("Copying every ClearML index: migration "))
                .findFirst()
                .orElseThrow();
        return line.substring(line.lastIndexOf(' ') + 1, line.length() - 1);
    }

    /** {@code kill -STOP} of the Elasticsearch workers (not their supervisors) of the migrator this run started. */
    void freezeElasticWorkers() {
        elasticWorkers().forEach(pid -> ServiceFaults.signal("STOP", pid));
    }

    void thawElasticWorkers() {
        elasticWorkers().forEach(pid -> ServiceFaults.signal("CONT", pid));
    }

    /** SIGTERM, as Ctrl-C: the shutdown hook runs; waits until its words are out. */
    void interrupt() {
        // Not Process.destroy(), which closes the console's stream as it signals.
        ServiceFaults.signal("TERM", command.pid());
        await().atMost(Duration.ofSeconds(30)).until(() -> console().contains("Interrupted: "));
    }

    /** {@code kill -9}: no hook runs; what it started runs on. */
    void kill() throws InterruptedException {
        command.kill();
    }

    int awaitExit() throws InterruptedException {
        return command.awaitExit();
    }

    String console() {
        return command.console();
    }

    /** Ends the command if it still runs (what it started is left to the next run) and prints its console. */
    @Override
    public void close() {
        command.close();
    }

    private List<Long> elasticWorkers() {
        String marker = "-D" + LocalStack.MARKER_PROPERTY + "=" + stateDir;
        List<Long> pids = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .filter(line -> line.contains(marker)
                                && line.contains("elastic-worker")
                                && !line.contains(Supervisor.class.getName()))
                        .isPresent())
                .map(ProcessHandle::pid)
                .toList();
        assertThat(pids).as("the elastic-workers of " + stateDir).isNotEmpty();
        return pids;
    }
}
