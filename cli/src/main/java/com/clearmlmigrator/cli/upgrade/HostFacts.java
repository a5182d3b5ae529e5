package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The free disk and memory of this host, as the pre-flight needs them. */
public interface HostFacts {

    /** Bytes free to this user on the file system that holds {@code path} (or would, for a path not made yet). */
    long freeBytes(Path path);

    /** Names the file system that holds {@code path}, so two paths on one disk are counted together. */
    String fileSystem(Path path);

    /** Memory the host can give new processes without swapping ({@code MemAvailable}). */
    long availableMemory();

    /** This machine's. */
    static HostFacts ofThisHost() {
        return new HostFacts() {
            @Override
            public long freeBytes(Path path) {
                try {
                    return store(path).getUsableSpace();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String fileSystem(Path path) {
                try {
                    FileStore store = store(path);
                    return store.name() + " " + store;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public long availableMemory() {
                try {
                    List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
                    return lines.stream()
                            .filter(line -> line.startsWith("MemAvailable:"))
                            .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                            .findFirst()
                            .orElse(Long.MAX_VALUE);
                } catch (IOException | RuntimeException notLinux) {
                    return Long.MAX_VALUE;
                }
            }

            private FileStore store(Path path) throws IOException {
                Path existing = path.toAbsolutePath();
                while (!Files.exists(existing)) {
                    existing = existing.getParent();
                }
                return Files.getFileStore(existing);
            }
        };
    }
}
