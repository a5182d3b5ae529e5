package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import com.clearmlmigrator.cli.files.StateFilePlace.StateFile;

/**
 * A relink's journal in a file server's folder ({@code .clearml-migrator/relink-<id>/}): each changed file's original
 * ({@code originals/<path>}) and a line of {@code changes.tsv} with the digest of what replaced it, forced to disk.
 */
final class FolderJournal implements StateFileJournal {
    private static final String CHANGES = "changes.tsv";

    private final Path directory;

    FolderJournal(Path directory) {
        this.directory = directory;
    }

    @Override
    public boolean exists() {
        return Files.isRegularFile(directory.resolve(CHANGES));
    }

    @Override
    public StateFile keepOriginal(StateFile current) throws IOException {
        Path kept = originalPath(current.name());
        if (!Files.exists(kept)) {
            Files.createDirectories(kept.getParent());
            FileReplacements.replaceWithCopyOf(kept, current.content());
        }
        return new StateFile(current.name(), kept, null, false);
    }

    @Override
    public void recordReplacement(String name, String digest) throws IOException {
        Files.write(
                directory.resolve(CHANGES),
                (digest + "\t" + name + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    /** The last line of a name wins. */
    @Override
    public Map<String, String> changes() throws IOException {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(directory.resolve(CHANGES), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                changes.put(line.substring(tab + 1), line.substring(0, tab));
            }
        }
        return changes;
    }

    @Override
    public StateFile original(String name) {
        return new StateFile(name, originalPath(name), null, false);
    }

    private Path originalPath(String name) {
        return directory.resolve("originals").resolve(name);
    }
}
