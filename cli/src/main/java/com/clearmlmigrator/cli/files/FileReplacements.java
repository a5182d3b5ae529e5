package com.clearmlmigrator.cli.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Files replaced whole or not at all, as streams: the new content is written beside the file, forced to disk, then moved
 * over it with the owner and permissions it had, so the file server never serves half a state file, and a stop in
 * between leaves the old one. Digests are taken as the content goes by.
 */
final class FileReplacements {
    private FileReplacements() {}

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
    static Replacement prepare(Path file, StateFilePlace.Content content) throws IOException {
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

    static MessageDigest sha256() {
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
