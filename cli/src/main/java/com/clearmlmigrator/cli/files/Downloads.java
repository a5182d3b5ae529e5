package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The objects of a bucket or container as files of this host: each download in a temporary folder of its own, made at
 * the first one and deleted on close.
 */
final class Downloads implements AutoCloseable {
    private Path scratch;

    /** A new path in the folder of downloads. */
    synchronized Path newFile() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("clearml-migrator-state-files");
        }
        return scratch.resolve(UUID.randomUUID() + ".json");
    }

    /** The object as a temporary file, named {@code name}, with its version. */
    StateFilePlace.StateFile fetch(ObjectStore store, String key, String name) throws IOException {
        Path content = newFile();
        return new StateFilePlace.StateFile(name, content, store.download(key, content), true);
    }

    @Override
    public void close() {
        if (scratch == null) {
            return;
        }
        try (var left = Files.list(scratch)) {
            for (Path file : (Iterable<Path>) left::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            // A temporary folder left behind is the system's to clear.
        }
    }
}
