package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one relink changed in a file server's folder, kept in the folder ({@code .clearml-migrator/relink-<id>/}) for its
 * undo: each changed file's original ({@code originals/<path>}) and a line of {@code changes.tsv} with the digest of
 * what replaced it, so that an undo restores only files nobody changed since. Both are written before the file is
 * replaced: a relink stopped in between leaves an entry whose file still holds its original, which undo counts as
 * restored already.
 */
final class StateFileJournal {
    private static final String CHANGES = "changes.tsv";

    private final Path directory;

    StateFileJournal(Path directory) {
        this.directory = directory;
    }

    boolean exists() {
        return Files.isRegularFile(directory.resolve(CHANGES));
    }

    /**
     * Keeps a copy of the file as it is now, the original its replacement is made from; returns where. The first copy
     * kept stays, should the same file be kept again.
     */
    Path keepOriginal(String relative, Path file) throws IOException {
        Path kept = original(relative);
        if (!Files.exists(kept)) {
            Files.createDirectories(kept.getParent());
            FileReplacements.replaceWithCopyOf(kept, file);
        }
        return kept;
    }

    /** Notes the digest of what is about to replace the file, before it does. */
    void recordReplacement(String relative, String digest) throws IOException {
        Files.write(
                directory.resolve(CHANGES),
                (digest + "\t" + relative + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    /** The digest of what each changed file was given, by its path; the last line of a path wins. */
    Map<String, String> changes() throws IOException {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(directory.resolve(CHANGES), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                changes.put(line.substring(tab + 1), line.substring(0, tab));
            }
        }
        return changes;
    }

    /** Where the original of a changed file is kept. */
    Path original(String relative) {
        return directory.resolve("originals").resolve(relative);
    }
}
