package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.clearmlmigrator.cli.files.StateFilePlace.StateFile;

/**
 * A relink's journal in a file server's folder ({@code .clearml-migrator/relink-<id>/}): each changed file's original
 * ({@code originals/<path>}) and a line of {@code changes.tsv} with the digest of what replaced it, forced to disk.
 */
final class FolderJournal implements StateFileJournal {
    private static final String CHANGES = "changes.tsv";
    /** What is left of a forgotten journal: the time it was forgotten. */
    private static final String FORGOTTEN = "forgotten";

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

    @Override
    public Optional<Instant> forgottenAt() throws IOException {
        Path mark = directory.resolve(FORGOTTEN);
        return Files.isRegularFile(mark)
                ? Optional.of(Instant.parse(Files.readString(mark).strip()))
                : Optional.empty();
    }

    @Override
    public Kept kept() throws IOException {
        if (!Files.isDirectory(directory)) {
            return new Kept(0, 0);
        }
        int originals = 0;
        long bytes = 0;
        try (Stream<Path> files = Files.walk(directory)) {
            Path mark = directory.resolve(FORGOTTEN);
            for (Path file :
                    (Iterable<Path>) files.filter(Files::isRegularFile).filter(file -> !file.equals(mark))::iterator) {
                bytes += Files.size(file);
                originals += file.startsWith(directory.resolve("originals")) ? 1 : 0;
            }
        }
        return new Kept(originals, bytes);
    }

    @Override
    public Kept forget(Instant at) throws IOException {
        Kept kept = kept();
        if (kept.bytes() == 0) {
            return kept;
        }
        if (forgottenAt().isEmpty()) {
            Files.createDirectories(directory);
            try (FileReplacements.Replacement mark = FileReplacements.prepare(
                    directory.resolve(FORGOTTEN), out -> out.write(at.toString().getBytes(StandardCharsets.UTF_8)))) {
                mark.commit();
            }
        }
        Files.deleteIfExists(directory.resolve(CHANGES));
        Path originals = directory.resolve("originals");
        if (Files.isDirectory(originals)) {
            try (Stream<Path> paths = Files.walk(originals)) {
                // Deepest first: a folder is empty by the time it is deleted.
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
        return kept;
    }

    private Path originalPath(String name) {
        return directory.resolve("originals").resolve(name);
    }
}
