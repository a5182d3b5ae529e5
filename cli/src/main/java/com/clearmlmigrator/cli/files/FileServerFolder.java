package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
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

    /**
     * What a look through the folder found.
     *
     * @param stateFiles every dataset state file, in path order
     * @param unreadable what could not be looked into, each with why: datasets may lie there unseen
     */
    record Found(List<Path> stateFiles, List<String> unreadable) {}

    /** Every dataset state file under the folder; the migrator's own journals are passed over. */
    Found stateFiles() {
        List<Path> found = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
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
                    // The file server reads as root in its container: what this command cannot read may hold datasets.
                    unreadable.add(relative(file) + ": could not be looked into ("
                            + e.getClass().getSimpleName() + "; run the command as the folder's owner, or with sudo)");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look through " + root + ": " + e.getMessage(), e);
        }
        found.sort(null);
        return new Found(found, unreadable);
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
        return journal(root, migrationId);
    }

    private static Path journal(Path root, String migrationId) {
        return root.resolve(JOURNALS).resolve("relink-" + migrationId);
    }

    /** Whether a relink changed state files under {@code root} (without walking it). */
    public static boolean hasJournal(Path root, String migrationId) {
        return Files.isDirectory(journal(root, migrationId));
    }
}
