package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.local.LocalMigrator;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.clearmlmigrator.cli.planner.PlannerException;
import com.clearmlmigrator.localservers.ElasticRelease;
import com.clearmlmigrator.localservers.FolderNode;
import com.clearmlmigrator.localservers.StackPorts;

/**
 * ClearML's Elasticsearch upgrade of a data folder, as one command: pre-flight, backup, the old release on the old
 * folder and the new release on a new one, an es-copy between them through the migrator (templates first, mappings
 * translated, routing kept, slices in parallel, every index verified), both nodes stopped, and only then the old folder
 * renamed {@code <name>_migrated_<date_time>}. On any failure nothing is renamed, and running it again starts the new
 * folder over.
 */
public final class FolderUpgrade {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    /** A node with gigabytes of fresh segments may take a while to write them out before it ends. */
    private static final Duration NODE_STOP_GRACE = Duration.ofMinutes(3);

    private final UpgradeOptions options;
    private final Path stateDir;
    private final HostFacts host;
    private final CopyRun copyRun;
    private final String stamp;
    private final UnfinishedUpgrades unfinished;
    private volatile boolean interrupted;

    public FolderUpgrade(UpgradeOptions options, Path stateDir, HostFacts host, CopyRun copyRun, LocalDateTime now) {
        this.options = options;
        this.stateDir = stateDir;
        this.host = host;
        this.copyRun = copyRun;
        this.stamp = STAMP.format(now);
        this.unfinished = new UnfinishedUpgrades(stateDir);
    }

    /** The log file's name and the renamed folder's suffix: the moment the upgrade started. */
    public String stamp() {
        return stamp;
    }

    public int run(UpgradeLog log) throws IOException {
        PrintWriter out = log.out();
        // A killed run's nodes still hold their folders: the pre-flight would take them for a ClearML server's.
        LocalMigrator.stopLeftBehind(stateDir, out);
        Optional<UnfinishedUpgrades.Unfinished> leftByUs = unfinished.into(options.target());
        UpgradePreflight.Findings findings = new UpgradePreflight(host).check(options, leftByUs.isPresent());
        if (!passed(findings, log)) {
            return ExitCode.BAD_INPUT;
        }
        UpgradeStep step = findings.step().orElseThrow();
        Optional<Path> backup = new UpgradeFolders(options, stamp).prepare(leftByUs, out);
        unfinished.started(
                options.source(),
                options.target(),
                leftByUs.map(UnfinishedUpgrades.Unfinished::startedAt).orElse(stamp),
                backup);
        int copied = copy(step, leftByUs.flatMap(UnfinishedUpgrades.Unfinished::copy), log);
        if (interrupted) {
            return ExitCode.CANCELLED; // The hook has said what stands; the JVM ends with it.
        }
        if (copied != ExitCode.SUCCEEDED) {
            out.println("The upgrade did not complete: nothing was renamed, and " + options.source()
                    + " is where it was"
                    + backup.map(b -> " (its copy from before is " + b + ")").orElse("")
                    + ". The report above names each index that failed and why; the log is " + log.file() + ". Fix"
                    + " the cause and run the same command again: it starts " + options.target() + " over.");
            return copied;
        }
        Path retired = retire(out);
        unfinished.finished(options.target());
        completed(step, retired, backup, log);
        return ExitCode.SUCCEEDED;
    }

    /** Says what the folder holds, and every problem the pre-flight found; true when there is none. */
    private boolean passed(UpgradePreflight.Findings findings, UpgradeLog log) {
        PrintWriter out = log.out();
        findings.version()
                .ifPresent(version -> out.printf(
                        "Found data of Elasticsearch %s in %s (%s).%n",
                        version, options.source(), Sizes.of(findings.sourceBytes())));
        findings.step().filter(UpgradeStep::readingRaisesFolderRelease).ifPresent(step -> warnOfReader(step, out));
        if (findings.problems().isEmpty()) {
            return true;
        }
        out.println("The upgrade cannot start; nothing was written:");
        findings.problems().forEach(problem -> out.println("  - " + problem));
        out.println("The log: " + log.file());
        return false;
    }

    /**
     * No node here is of the folder's own release, and a newer one records its release in the folder: say so before
     * anything opens it, while the operator can still choose a backup.
     */
    private void warnOfReader(UpgradeStep step, PrintWriter out) {
        out.println("Elasticsearch " + step.read() + " will open it (no node here is " + step.found() + "), and records"
                + " its release in it: afterwards " + step.found() + " no longer opens the old folder, "
                + (options.backup()
                        ? "while the backup keeps it as it is now."
                        : "and with -n there is no backup that keeps it as it is now."));
    }

    private void completed(UpgradeStep step, Path retired, Optional<Path> backup, UpgradeLog log) {
        PrintWriter out = log.out();
        out.println("Upgrade completed.");
        out.println("  New folder:  " + options.target() + " (Elasticsearch " + step.written() + "; open it with "
                + step.written() + " or newer: point the elasticsearch volume of ClearML's docker-compose.yml at it)");
        out.println("  Old folder:  " + retired);
        backup.ifPresent(
                b -> out.println("  Backup:      " + b + " (checksums in " + FolderBackup.manifestOf(b) + ")"));
        out.println("  Log:         " + log.file());
    }

    /**
     * Both nodes up, the copy an interrupted run left open cancelled, the copy run and followed, both nodes stopped; the
     * copy's exit code.
     */
    private int copy(UpgradeStep step, Optional<String> leftOpen, UpgradeLog log) throws IOException {
        PrintWriter out = log.out();
        FolderNode old = node("upgrade-source-es" + step.from(), step.read(), options.source(), step.sourceNodeName());
        FolderNode fresh =
                node("upgrade-target-es" + step.to(), step.written(), options.target(), step.targetNodeName());
        Files.createDirectories(options.target());
        out.println("Starting Elasticsearch " + step.read() + " on " + options.source() + " and " + step.written()
                + " on " + options.target() + " (their logs: " + stateDir.resolve("logs") + ")...");
        out.flush();
        UpgradeCopies copies = new UpgradeCopies(out);
        try (LocalMigrator migrator =
                LocalMigrator.start(stateDir, out, List.of(old, fresh), () -> interrupted(copies))) {
            PlannerClient planner = new PlannerClient(URI.create(migrator.plannerUrl()), Optional.empty());
            copies.cancelLeftOpen(planner, leftOpen);
            migrator.addElasticWorkers(options.workers() - 1);
            out.println("Copying with " + options.workers() + " Elasticsearch worker"
                    + (options.workers() == 1 ? "" : "s") + " (-p N for more).");
            List<String> before = indicesOnceOpen(old, out);
            int code = copyRun.copy(migrator.plannerUrl(), old.url(), fresh.url(), log.fileOnly(), id -> {
                copies.accepted(planner, id);
                recordCopy(id);
            });
            List<String> after = NodeIndices.of(fresh.url());
            out.println("Stopping both nodes...");
            out.flush();
            migrator.stop(List.of(old.name(), fresh.name()), NODE_STOP_GRACE);
            if (code == ExitCode.SUCCEEDED) {
                reportLeftBehind(before, after, out);
            }
            return code;
        } catch (PlannerException e) {
            out.println(e.getMessage());
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.CANCELLED;
        }
    }

    /** The old folder's indices, once its node has opened their shards. */
    private List<String> indicesOnceOpen(FolderNode old, PrintWriter out) throws IOException, InterruptedException {
        new ShardRecovery(
                        () -> NodeIndices.health(old.url()),
                        () -> NodeIndices.recoveries(old.url()),
                        Set.copyOf(options.leftBehind()),
                        Instant::now,
                        d -> Thread.sleep(d.toMillis()))
                .await(out);
        List<String> indices = NodeIndices.of(old.url());
        out.println(indices.size() + " indices in the old folder.");
        return indices;
    }

    /** Ctrl-C while the nodes run: nothing is to be renamed after it, whatever the copy's end. */
    private void interrupted(UpgradeCopies copies) {
        interrupted = true;
        copies.interrupted(options);
    }

    private void recordCopy(String migrationId) {
        try {
            unfinished.copying(options.target(), migrationId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node on a folder, named as the compose file of that ClearML release names it. */
    private FolderNode node(String process, ElasticVersion release, Path folder, String name) {
        return new FolderNode(
                process,
                ElasticRelease.of(release.toString()),
                folder,
                name,
                name,
                options.heap(),
                StackPorts.freePort());
    }

    /**
     * X-Pack's indices of Elastic's 5.6 image, anything else not ClearML's, and what {@code --leave-behind} named stay in
     * the old folder.
     */
    private static void reportLeftBehind(List<String> before, List<String> after, PrintWriter out) {
        List<String> leftBehind = new ArrayList<>(before);
        leftBehind.removeAll(after);
        if (!leftBehind.isEmpty()) {
            out.println("Not copied, as they are not ClearML's or --leave-behind named them (they stay in the old"
                    + " folder and its backup): "
                    + String.join(", ", leftBehind));
        }
    }

    /** The old folder renamed as ClearML's procedure does, and the new one given to the owner of the old. */
    private Path retire(PrintWriter out) throws IOException {
        Path retired = options.source().resolveSibling(options.source().getFileName() + "_migrated_" + stamp);
        FolderOwner.giveLike(options.source(), options.target(), out);
        Files.move(options.source(), retired, StandardCopyOption.ATOMIC_MOVE);
        return retired;
    }
}
