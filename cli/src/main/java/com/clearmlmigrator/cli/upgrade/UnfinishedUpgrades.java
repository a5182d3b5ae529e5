package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The new folders an upgrade started and did not finish, kept in the migrator's state folder: a run after a failure may
 * start such a folder over, since only we wrote it (any other non-empty folder is the operator's and is never touched),
 * and keeps the backup the first attempt made, which holds the old folder as it was before anything opened it.
 */
final class UnfinishedUpgrades {
    private final Path folder;

    UnfinishedUpgrades(Path stateDir) {
        this.folder = stateDir.resolve("upgrades");
    }

    /**
     * An upgrade into a folder that has not finished: when it started, its backup if it made one, and the migration that
     * copied for it, once the planner accepted one.
     */
    record Unfinished(String startedAt, Optional<Path> backup, Optional<String> copy) {}

    Optional<Unfinished> into(Path target) throws IOException {
        Path record = record(target);
        if (!Files.exists(record)) {
            return Optional.empty();
        }
        Properties properties = load(record);
        return Optional.of(new Unfinished(
                properties.getProperty("started", "?"),
                Optional.ofNullable(properties.getProperty("backup")).map(Path::of),
                Optional.ofNullable(properties.getProperty("copy"))));
    }

    void started(Path source, Path target, String stamp, Optional<Path> backup) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("source", source.toAbsolutePath().toString());
        properties.setProperty("started", stamp);
        backup.ifPresent(
                path -> properties.setProperty("backup", path.toAbsolutePath().toString()));
        Files.createDirectories(folder);
        store(target, properties);
    }

    /** The migration that copies for the upgrade into {@code target}. */
    void copying(Path target, String migrationId) throws IOException {
        Properties properties = load(record(target));
        properties.setProperty("copy", migrationId);
        store(target, properties);
    }

    void finished(Path target) throws IOException {
        Files.deleteIfExists(record(target));
    }

    private static Properties load(Path record) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(record)) {
            properties.load(reader);
        }
        return properties;
    }

    private void store(Path target, Properties properties) throws IOException {
        try (Writer writer = Files.newBufferedWriter(record(target))) {
            properties.store(writer, "An upgrade-elastic into " + target.toAbsolutePath());
        }
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
