package com.clearmlmigrator.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.cli.planner.PlannerClient;
import com.clearmlmigrator.cli.upgrade.ElasticDataFolder;
import com.clearmlmigrator.cli.upgrade.ElasticVersion;
import com.clearmlmigrator.cli.upgrade.FolderUpgrade;
import com.clearmlmigrator.cli.upgrade.HostFacts;
import com.clearmlmigrator.cli.upgrade.UpgradeLog;
import com.clearmlmigrator.cli.upgrade.UpgradeOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "upgrade-elastic",
        description = {
            "ClearML's Elasticsearch upgrade of a data folder (the 'Upgrading Server from v0.15 or Older' procedure),"
                    + " without Docker: checks everything first, backs the old folder up, runs the old release on it"
                    + " and the new one on a new folder, copies every ClearML index through the migrator (templates,"
                    + " mappings translated, routing kept, verified by count and checksum), stops both, and only then"
                    + " renames the old folder <name>_migrated_<date_time>. Stop the ClearML server first.",
            "Steps: Elasticsearch 5.6 (trains-server 0.15 and older) to 7 or 8, and 7 (ClearML up to 1.16, folders up to 7.17.18) to 8."
                    + " The new folder is written by Elasticsearch 7.6.2 (opened by every ClearML on ES 7: 0.16 to 1.16,"
                    + " the Helm chart) or 8.15.3 (opened by every ClearML from 1.17 on). The console output"
                    + " is kept in upgrade_elastic_<date_time>.log in this folder."
        })
public class UpgradeElasticCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"-s", "--source"},
            paramLabel = "SOURCE_PATH",
            defaultValue = "/opt/trains/data/elastic",
            description = "The old data folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(
            names = {"-t", "--target"},
            paramLabel = "TARGET_PATH",
            description = "The new data folder, absent or empty (default: elastic_<to-version> beside the source, as"
                    + " /opt/trains/data/elastic_7).")
    Path target;

    @Option(
            names = {"-n", "--no-backup"},
            description = "Do not copy the old folder first (it is only read, and renamed once the copy is verified).")
    boolean noBackup;

    @Option(
            names = {"-p", "--parallel"},
            arity = "0..1",
            paramLabel = "N",
            defaultValue = "1",
            fallbackValue = "2",
            description = "Copy with N Elasticsearch workers (each copies several slices at once; -p alone: 2).")
    int parallel;

    @Option(
            names = "--from-version",
            paramLabel = "5|7",
            description = "The major version that wrote the old folder; checked against the folder's own record.")
    Integer fromVersion;

    @Option(
            names = "--to-version",
            paramLabel = "7|8",
            description = "The major version to move to (default: 7 from 5, 8 from 7).")
    Integer toVersion;

    @Option(
            names = "--leave-behind",
            paramLabel = "INDEX",
            split = ",",
            description =
                    "An index to leave in the old folder (and its backup) rather than copy (repeatable): one"
                            + " that cannot be read, such as a red index whose only shard is lost, stops the upgrade otherwise.")
    List<String> leftBehind = new ArrayList<>();

    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            defaultValue = "1g",
            description = "The heap of each of the two nodes (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(
            names = "--log-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Where upgrade_elastic_<date_time>.log is written (default: this folder).")
    Path logDir;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            defaultValue = "${env:CLEARML_MIGRATOR_HOME:-${sys:user.home}/.clearml-migrator}",
            description = "Where the migrator run for the upgrade keeps its state, reports and logs (default:"
                    + " CLEARML_MIGRATOR_HOME, else ${DEFAULT-VALUE}).")
    Path stateDir;

    @Override
    public Integer call() throws IOException {
        if (parallel < 1) {
            spec.commandLine().getErr().println("--parallel takes a number of workers, 1 or more.");
            return ExitCode.BAD_INPUT;
        }
        UpgradeOptions options = new UpgradeOptions(
                source,
                Optional.ofNullable(target).orElseGet(this::defaultTarget),
                !noBackup,
                Optional.ofNullable(fromVersion),
                Optional.ofNullable(toVersion),
                heap,
                parallel,
                leftBehind);
        FolderUpgrade upgrade =
                new FolderUpgrade(options, stateDir, HostFacts.ofThisHost(), this::copy, LocalDateTime.now());
        try (UpgradeLog log =
                UpgradeLog.open(logDir, upgrade.stamp(), spec.commandLine().getOut())) {
            log.out()
                    .println("Upgrading the Elasticsearch data in " + options.source() + " into " + options.target()
                            + "; the log is " + log.file() + ".");
            return upgrade.run(log);
        }
    }

    /** The old folder, as given. */
    public Path source() {
        return source;
    }

    /** The new folder as given; null when left to its default. */
    public Path target() {
        return target;
    }

    /** elastic_7 beside a folder of 5, elastic_8 beside one of 7: ClearML's own names. */
    private Path defaultTarget() {
        int from;
        try {
            from = new ElasticDataFolder(source)
                    .version()
                    .map(ElasticVersion::major)
                    .orElse(5);
        } catch (IOException | RuntimeException unreadable) {
            from = 5; // The pre-flight says why it cannot read the folder.
        }
        int to = Optional.ofNullable(toVersion).orElse(from == 5 ? 7 : 8);
        return source.toAbsolutePath().resolveSibling("elastic_" + to);
    }

    private int copy(
            String plannerUrl, String sourceUrl, String targetUrl, PrintWriter log, Consumer<String> accepted) {
        PlannerClient client = new PlannerClient(URI.create(plannerUrl), Optional.empty());
        ObjectNode request = PlannerClient.JSON.createObjectNode().put("kind", "es-copy");
        request.putObject("source").putArray("hosts").add(sourceUrl);
        request.putObject("target").putArray("hosts").add(targetUrl);
        // Exclusions alone: every ClearML index but these.
        leftBehind.forEach(index -> request.withArray("indices").add("-" + index));
        // The old folder is retired whole: nothing in it is to be marked read-only, which would write to it.
        request.put("ifTargetExists", "fail").put("afterCopy", "none");
        // One node opens the new folder, and never places a replica: an index of the 5.6 era (one replica by default)
        // would keep the cluster yellow and count twice against its shard limit. ClearML creates its indices without
        // replicas since 1.2.
        request.put("replicas", 0);
        String id = client.submit(request).path("id").asText();
        accepted.accept(id);
        spec.commandLine().getOut().println("Copying every ClearML index: migration " + id + ".");
        log.println("Copying every ClearML index: migration " + id + ".");
        return MigrationRun.watch(spec, client, id, List.of(log));
    }
}
