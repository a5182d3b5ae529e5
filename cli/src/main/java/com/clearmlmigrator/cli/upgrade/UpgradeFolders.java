package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folders an upgrade writes before it copies: the new folder emptied when an unfinished run of ours left it, and the
 * backup of the old folder kept from the first attempt or made now.
 */
final class UpgradeFolders {
    private final UpgradeOptions options;
    private final String stamp;

    UpgradeFolders(UpgradeOptions options, String stamp) {
        this.options = options;
        this.stamp = stamp;
    }

    /** Our own unfinished target started over; the first attempt's backup kept, or a new one made. */
    Optional<Path> prepare(Optional<UnfinishedUpgrades.Unfinished> leftByUs, PrintWriter out) throws IOException {
        if (leftByUs.isPresent() && !new ElasticDataFolder(options.target()).isEmpty()) {
            out.println(options.target() + " holds what an unfinished upgrade (started "
                    + leftByUs.get().startedAt() + ") wrote; starting it over.");
            deleteTree(options.target());
        }
        Optional<Path> earlierBackup =
                leftByUs.flatMap(UnfinishedUpgrades.Unfinished::backup).filter(Files::isDirectory);
        return earlierBackup.isPresent() ? keep(earlierBackup.get(), out) : backUp(out);
    }

    /** The first attempt's backup holds the folder as it was before anything opened it: a second one would not. */
    private static Optional<Path> keep(Path backup, PrintWriter out) {
        out.println(
                "Keeping the backup the first attempt made, from before anything opened the folder: " + backup + ".");
        return Optional.of(backup);
    }

    private Optional<Path> backUp(PrintWriter out) throws IOException {
        if (!options.backup()) {
            out.println("No backup (-n): the old folder is only read, and renamed once the copy is verified.");
            return Optional.empty();
        }
        Path folder = options.source().resolveSibling(options.source().getFileName() + "_backup_" + stamp);
        out.println("Backing up " + options.source() + " to " + folder + "...");
        out.flush();
        FolderBackup.Backup backup;
        try {
            backup = FolderBackup.of(options.source(), folder, new BackupProgress(out, Instant::now));
        } catch (IOException | RuntimeException e) {
            // A backup that could not be made whole is no backup: take the part away, so it cannot be mistaken for one.
            if (Files.exists(folder)) {
                deleteTree(folder);
                Files.delete(folder);
            }
            Files.deleteIfExists(FolderBackup.manifestOf(folder));
            throw e;
        }
        out.printf(
                "Backed up %d files (%s) and checked them against their SHA-256 sums in %s.%n",
                backup.files(), Sizes.of(backup.bytes()), backup.manifest());
        return Optional.of(backup.folder());
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder)) {
                    Files.delete(path);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
