package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the old data folder beside it, and a manifest of every file's SHA-256 in {@code sha256sum}'s format beside
 * the copy (so {@code cd <backup> && sha256sum -c ../<backup>.sha256} checks it by hand). The copy is read back and
 * checked against the manifest before the upgrade goes on.
 */
public final class FolderBackup {
    /** Where the copy went, its manifest, and how much it holds. */
    public record Backup(Path folder, Path manifest, int files, long bytes) {}

    private static final int CHUNK = 1 << 20;

    private FolderBackup() {}

    /**
     * @param progress told of every megabyte copied, then of every megabyte read back
     * @throws IOException when a file cannot be copied, or the copy does not match what was read
     */
    static Backup of(Path source, Path backup, BackupProgress progress) throws IOException {
        if (Files.exists(backup)) {
            throw new IOException(backup + " exists already; move it away, or leave the backup out with -n");
        }
        List<Path> files = files(source);
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        progress.step("copied", total);
        List<String> manifest = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            Path relative = source.relativize(file);
            Path copy = backup.resolve(relative.toString());
            Files.createDirectories(copy.getParent());
            manifest.add(copyHashing(file, copy, progress) + "  " + relative);
            bytes += Files.size(copy);
        }
        Files.createDirectories(backup);
        Path manifestFile = manifestOf(backup);
        Files.write(manifestFile, manifest);
        progress.step("checked", bytes);
        verify(backup, manifest, progress);
        return new Backup(backup, manifestFile, manifest.size(), bytes);
    }

    /** The manifest beside a backup folder: {@code <backup>.sha256}. */
    public static Path manifestOf(Path backup) {
        return backup.resolveSibling(backup.getFileName() + ".sha256");
    }

    /** Reads every copied file again and compares its SHA-256 with the manifest's. */
    static void verify(Path backup, List<String> manifest, BackupProgress progress) throws IOException {
        for (String line : manifest) {
            String expected = line.substring(0, line.indexOf(' '));
            Path copy = backup.resolve(line.substring(line.indexOf(' ') + 2));
            String actual;
            try (InputStream in = new DigestInputStream(Files.newInputStream(copy), sha256())) {
                pump(in, OutputStream.nullOutputStream(), progress);
                actual = HexFormat.of()
                        .formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            if (!expected.equals(actual)) {
                throw new IOException("The backup of " + copy + " does not match the original (SHA-256 " + actual
                        + " instead of " + expected + ")");
            }
        }
    }

    private static String copyHashing(Path file, Path copy, BackupProgress progress) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
                OutputStream out = Files.newOutputStream(copy)) {
            pump(in, out, progress);
        }
        Files.setLastModifiedTime(copy, Files.getLastModifiedTime(file));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void pump(InputStream in, OutputStream out, BackupProgress progress) throws IOException {
        byte[] buffer = new byte[CHUNK];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
            progress.advanced(read);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
