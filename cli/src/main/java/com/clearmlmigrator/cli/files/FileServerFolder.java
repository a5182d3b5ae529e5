package com.clearmlmigrator.cli.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The data folder of ClearML's file server ({@code /opt/clearml/data/fileserver} by default), which serves each file
 * at its path: a dataset's state file, {@code http://files:8081/<project>/.datasets/<name>/<name>.<task id>/artifacts/
 * state/state.json}, lies at {@code <project>/.datasets/...} under it.
 */
public final class FileServerFolder {
    /** Where the migrator keeps what it changed in the folder, so that undo can restore it. */
    static final String JOURNALS = ".clearml-migrator";

    private final Path root;

    private FileServerFolder(Path root) {
        this.root = root;
    }

    /** @throws IllegalArgumentException with a sentence for the operator when the folder cannot be the file server's */
    public static FileServerFolder at(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("No folder " + root + ". Give the file server's data folder, where"
                    + " ClearML keeps uploaded files (/opt/clearml/data/fileserver by default).");
        }
        if (!Files.isReadable(root)) {
            throw new IllegalArgumentException(
                    "Cannot read " + root + ": run the command as its owner (or with sudo).");
        }
        return new FileServerFolder(root);
    }

    public Path root() {
        return root;
    }

    /** Every dataset state file under the folder, in path order; the migrator's own journals are passed over. */
    List<Path> stateFiles() {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root.resolve(JOURNALS)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isStateFile(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a folder it may not read holds no dataset of this server's
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look through " + root + ": " + e.getMessage(), e);
        }
        found.sort(null);
        return found;
    }

    private static boolean isStateFile(Path file) {
        Path state = file.getParent();
        Path artifacts = state == null ? null : state.getParent();
        return file.getFileName().toString().equals("state.json")
                && state.getFileName().toString().equals("state")
                && artifacts != null
                && artifacts.getFileName().toString().equals("artifacts");
    }

    /** The file's path below the folder, with / between names, as its URL has it. */
    String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    Path journal(String migrationId) {
        return root.resolve(JOURNALS).resolve("relink-" + migrationId);
    }

    /** What goes into a file, written to the stream it is given. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A file's new content, written beside it and forced to disk; {@link #commit} moves it over the file, and closing it
     * unmoved removes it.
     *
     * @param digest the SHA-256 of the new content, in hex
     */
    record Replacement(Path file, Path temporary, String digest) implements AutoCloseable {
        /** Puts the new content in the file's place whole, with the owner and permissions the file had. */
        void commit() throws IOException {
            keepOwnerAndPermissions(file, temporary);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes {@code content} beside {@code file}, to replace it whole or not at all (the file server reads it). */
    static Replacement prepare(Path file, Content content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".clearml-migrator.tmp");
        MessageDigest sha256 = sha256();
        try (FileChannel channel = FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                OutputStream out = new DigestOutputStream(
                        new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), sha256)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Replacement(file, temporary, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Replaces a file whole with a copy of {@code source}. */
    static void replaceWithCopyOf(Path file, Path source) throws IOException {
        try (Replacement replacement = prepare(file, out -> Files.copy(source, out))) {
            replacement.commit();
        }
    }

    /** The SHA-256 of a file's content, in hex, read as a stream. */
    static String digest(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void keepOwnerAndPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        PosixFileAttributes was;
        try {
            was = Files.readAttributes(from, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            return;
        }
        view.setPermissions(was.permissions());
        if (!was.owner().equals(Files.getOwner(to))) {
            try {
                view.setOwner(was.owner());
                view.setGroup(was.group());
            } catch (IOException e) {
                // Only root gives a file away; the file server (root in its container) reads it either way.
            }
        }
    }
}
