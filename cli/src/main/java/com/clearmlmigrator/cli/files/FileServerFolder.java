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
import java.util.function.Consumer;

/**
 * The data folder of ClearML's file server ({@code /opt/clearml/data/fileserver} by default), which serves each file
 * at its path: a dataset's state file, {@code http://files:8081/<project>/.datasets/<name>/<name>.<task id>/artifacts/
 * state/state.json}, lies at {@code <project>/.datasets/...} under it.
 */
public final class FileServerFolder implements StateFilePlace {
    /** Where the migrator keeps what it changed in the folder, so that undo can restore it. */
    static final String JOURNALS = ".clearml-migrator";

    private final Path root;
    private final Consumer<Path> whileReplacing;

    /** @param whileReplacing called with each file while its replacement is ready and not yet in place (for tests) */
    FileServerFolder(Path root, Consumer<Path> whileReplacing) {
        this.root = root;
        this.whileReplacing = whileReplacing;
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
        return new FileServerFolder(root, file -> {});
    }

    public Path root() {
        return root;
    }

    @Override
    public Description description() {
        return new Description(
                root.toString(),
                root.resolve(JOURNALS).toString(),
                "--fileserver-folder " + root,
                "is it the file server's data folder?");
    }

    @Override
    public Found stateFiles() {
        List<String> found = new ArrayList<>();
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
                        found.add(relative(file));
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
    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    @Override
    public StateFile fetch(String name) {
        return new StateFile(name, root.resolve(name), null, false);
    }

    /**
     * The new content is written beside the file and moved over it (see {@link FileReplacements}); whether the file
     * changed meanwhile is told by its digest, taken once the new content is ready.
     */
    @Override
    public void replace(StateFile seen, String expectedDigest, Content content, DigestListener beforeCommit)
            throws IOException {
        Path file = root.resolve(seen.name());
        try (FileReplacements.Replacement replacement = FileReplacements.prepare(file, content)) {
            whileReplacing.accept(file);
            if (!FileReplacements.digest(file).equals(expectedDigest)) {
                throw new WrittenMeanwhileException();
            }
            beforeCommit.ready(replacement.digest());
            replacement.commit();
        }
    }

    /** One at a time: the disk is the limit, and the journal's lines are appended to one file. */
    @Override
    public int filesAtOnce() {
        return 1;
    }

    @Override
    public StateFileJournal journal(String relinkId) {
        return new FolderJournal(journal(root, relinkId));
    }

    @Override
    public void close() {
        // Nothing is held open between files.
    }

    private static Path journal(Path root, String migrationId) {
        return root.resolve(JOURNALS).resolve("relink-" + migrationId);
    }

    /** Whether a relink changed state files under {@code root} (without walking it). */
    public static boolean hasJournal(Path root, String migrationId) {
        return Files.isDirectory(journal(root, migrationId));
    }
}
