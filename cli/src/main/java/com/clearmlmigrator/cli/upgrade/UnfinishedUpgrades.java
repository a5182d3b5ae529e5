package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The new folders an upgrade started and did not finish, kept in the migrator's state folder: a run after a failure may
 * start such a folder over, since only we wrote it; any other non-empty folder is the operator's and is never touched.
 */
final class UnfinishedUpgrades {
    private final Path folder;

    UnfinishedUpgrades(Path stateDir) {
        this.folder = stateDir.resolve("upgrades");
    }

    /** When an upgrade into {@code target} started and has not finished: what it recorded then. */
    Optional<String> startedInto(Path target) throws IOException {
        Path record = record(target);
        return Files.exists(record) ? Optional.of(Files.readString(record)) : Optional.empty();
    }

    void started(Path source, Path target, String stamp) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(record(target), "from " + source.toAbsolutePath() + " at " + stamp);
    }

    void finished(Path target) throws IOException {
        Files.deleteIfExists(record(target));
    }

    private Path record(Path target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(target.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 12) + ".unfinished");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
