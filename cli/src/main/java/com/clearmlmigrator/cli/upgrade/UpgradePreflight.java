package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything checked before anything is written, all at once, each problem with what to do: the old folder holds
 * Elasticsearch data of a release our nodes open, no server has it open, the new folder is free, and the disk and
 * memory suffice.
 */
public final class UpgradePreflight {
    /**
     * The copy may take a third more than the old folder while its segments merge; the backup takes exactly as much.
     * ClearML's procedure asks for 30% plus twice the data free; counted per disk, this asks no more than that.
     */
    private static final double COPY_GROWTH = 1.3;
    /** Kafka, the state store, the planner and two workers, beside the two nodes. */
    private static final long MIGRATOR_MEMORY = 1536L << 20;
    /** A JVM takes about a quarter more than its heap. */
    private static final double JVM_OVERHEAD = 1.25;

    private final HostFacts host;

    public UpgradePreflight(HostFacts host) {
        this.host = host;
    }

    /** What was found, and the problems; an empty list means the upgrade may start. */
    public record Findings(
            Optional<ElasticVersion> version, Optional<UpgradeStep> step, long sourceBytes, List<String> problems) {}

    /**
     * @param targetLeftByUs whether the new folder holds what an unfinished upgrade of ours wrote (it is started over)
     */
    public Findings check(UpgradeOptions options, boolean targetLeftByUs) {
        List<String> problems = new ArrayList<>();
        ElasticDataFolder source = new ElasticDataFolder(options.source());
        Optional<ElasticVersion> version = readVersion(source, problems);
        Optional<UpgradeStep> step = version.flatMap(found -> step(options, found, problems));
        source.heldLock()
                .ifPresent(lock -> problems.add("An Elasticsearch node still has " + source.path() + " open (it holds "
                        + lock + "). Stop the old server first, for example `docker-compose down` in its folder or"
                        + " `docker stop trains-elastic`, then run this again."));
        checkTarget(options, targetLeftByUs, problems);
        long bytes = source.exists() ? source.bytes() : 0;
        checkDisk(options, bytes, problems);
        checkMemory(options.heap(), problems);
        return new Findings(version, step, bytes, List.copyOf(problems));
    }

    private static Optional<ElasticVersion> readVersion(ElasticDataFolder source, List<String> problems) {
        if (!source.exists()) {
            problems.add("The old data folder " + source.path()
                    + (Files.exists(source.path()) ? " is a file, not a folder." : " does not exist.")
                    + " Give the folder your old Elasticsearch kept its data in (the volume of the elasticsearch"
                    + " service in its docker-compose.yml) with --source.");
            return Optional.empty();
        }
        if (source.nodeFolder().isEmpty()) {
            List<Path> below = source.dataFoldersBelow();
            problems.add(source.path() + " holds no Elasticsearch data (neither nodes/0/_state nor _state). "
                    + (below.isEmpty()
                            ? "Give the folder mounted as /usr/share/elasticsearch/data with --source."
                            : "These folders in it do; give the old one with --source: "
                                    + below.stream().map(Path::toString).collect(Collectors.joining(", ")) + "."));
            return Optional.empty();
        }
        try {
            Optional<ElasticVersion> version = source.version();
            if (version.isEmpty()) {
                problems.add(source.path() + " records no Elasticsearch version and no index: there is nothing to"
                        + " upgrade in it.");
            }
            return version;
        } catch (IOException | RuntimeException e) {
            problems.add("Could not read which Elasticsearch wrote " + source.path() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<UpgradeStep> step(UpgradeOptions options, ElasticVersion found, List<String> problems) {
        if (options.fromVersion().isPresent() && options.fromVersion().get() != found.major()) {
            problems.add("--from-version " + options.fromVersion().get() + " was given, but " + options.source()
                    + " was written by Elasticsearch " + found + ". Leave --from-version out, or give the right"
                    + " folder.");
            return Optional.empty();
        }
        if (found.major() != 5 && found.major() != 7) {
            problems.add(options.source() + " was written by Elasticsearch " + found + "; this command upgrades"
                    + " folders of Elasticsearch 5.6 (trains-server 0.15 and older) and 7 (ClearML up to 1.16).");
            return Optional.empty();
        }
        ElasticVersion ours = ElasticVersion.newestReadable(found.major());
        if (found.compareTo(ours) > 0) {
            problems.add(options.source() + " was written by Elasticsearch " + found + ", and the migrator's node of"
                    + " that line is " + ours + ": a node cannot open a folder a newer release wrote. Upgrade it with"
                    + " ClearML's own procedure, or copy between running clusters with `clearml-migrator copy-es`.");
            return Optional.empty();
        }
        UpgradeStep step =
                options.toVersion().map(to -> new UpgradeStep(found, to)).orElse(UpgradeStep.defaultFrom(found));
        if (!step.isSupported()) {
            problems.add("Elasticsearch " + found.major() + " to " + step.to() + " is not a step this command takes;"
                    + " it takes 5 to 7, 5 to 8 and 7 to 8 (--to-version).");
            return Optional.empty();
        }
        return Optional.of(step);
    }

    private static void checkTarget(UpgradeOptions options, boolean targetLeftByUs, List<String> problems) {
        Path source = options.source().toAbsolutePath().normalize();
        Path target = options.target().toAbsolutePath().normalize();
        if (target.startsWith(source) || source.startsWith(target)) {
            problems.add("The new folder " + target + " and the old one " + source + " must not hold one another:"
                    + " give another --target.");
            return;
        }
        if (!targetLeftByUs && !new ElasticDataFolder(target).isEmpty()) {
            problems.add("The new folder " + target + " is not empty. Give a new or empty folder with --target, or"
                    + " move what is in it away.");
        }
    }

    private void checkDisk(UpgradeOptions options, long bytes, List<String> problems) {
        long backup = options.backup() ? bytes : 0;
        long copy = (long) (bytes * COPY_GROWTH);
        String sourceDisk = host.fileSystem(options.source());
        String targetDisk = host.fileSystem(options.target());
        if (sourceDisk.equals(targetDisk)) {
            requireFree(options.target(), backup + copy, "the backup and the copy", options.backup(), problems);
        } else {
            requireFree(options.source(), backup, "the backup", true, problems);
            requireFree(options.target(), copy, "the copy", false, problems);
        }
    }

    private void requireFree(Path path, long needed, String what, boolean mentionNoBackup, List<String> problems) {
        long free = host.freeBytes(path);
        if (needed > free) {
            problems.add("Not enough free disk for " + what + " on the disk of " + path + ": it needs about "
                    + Sizes.of(needed) + ", " + Sizes.of(free) + " are free. Free some space, or give a --target on"
                    + " another disk" + (mentionNoBackup ? ", or leave the backup out with -n if you have one." : "."));
        }
    }

    private void checkMemory(String heap, List<String> problems) {
        long needed = (long) (2 * Sizes.parse(heap) * JVM_OVERHEAD) + MIGRATOR_MEMORY;
        long available = host.availableMemory();
        if (needed > available) {
            problems.add("Two Elasticsearch nodes with a heap of " + heap + " each, and the migrator, need about "
                    + Sizes.of(needed) + " of memory; " + Sizes.of(available) + " are available. Stop other"
                    + " services, or give a smaller --heap.");
        }
    }
}
