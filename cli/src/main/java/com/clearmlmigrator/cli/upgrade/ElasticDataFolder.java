package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an Elasticsearch data folder tells without a node: which release wrote it, whether a node has it open, how large
 * it is. Releases 5 to 7 keep everything under {@code nodes/0}; 8 keeps it in the folder itself.
 */
public final class ElasticDataFolder {
    private static final Pattern GENERATION = Pattern.compile("-(\\d+)\\.st$");

    private final Path root;

    public ElasticDataFolder(Path root) {
        this.root = root;
    }

    public Path path() {
        return root;
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    /** True when the folder is absent or has nothing in it. */
    public boolean isEmpty() {
        if (!Files.exists(root)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder a node keeps its state in: {@code nodes/0} up to release 7, the folder itself from 8. */
    public Optional<Path> nodeFolder() {
        Path legacy = root.resolve("nodes").resolve("0");
        if (Files.isDirectory(legacy.resolve("_state"))) {
            return Optional.of(legacy);
        }
        return Files.isDirectory(root.resolve("_state")) ? Optional.of(root) : Optional.empty();
    }

    /**
     * Folders up to two levels below this one that hold a node's data, in name order: what the operator most likely
     * meant when this one holds none (ClearML's {@code data} folder given for its {@code data/elastic_7}).
     */
    public List<Path> dataFoldersBelow() {
        try (Stream<Path> below = Files.walk(root, 2)) {
            return below.filter(path -> !path.equals(root) && Files.isDirectory(path))
                    .filter(path -> new ElasticDataFolder(path).nodeFolder().isPresent())
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // only a hint: an unreadable folder below gives none
        }
    }

    /**
     * The release that last wrote the folder: the node's own record from 7.x on ({@code node_version}), else the newest
     * release that created one of its indices (5.x and 6.x record no node version).
     */
    public Optional<ElasticVersion> version() throws IOException {
        Optional<Path> node = nodeFolder();
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> nodeState = newest(node.get().resolve("_state"), "node-");
        if (nodeState.isPresent()) {
            JsonNode recorded = StateFiles.read(nodeState.get()).path("node_version");
            if (recorded.canConvertToLong()) {
                return Optional.of(ElasticVersion.ofId(recorded.asLong()));
            }
        }
        return newestIndexCreation(node.get().resolve("indices"));
    }

    /** The node's lock file, when a running node holds it: the folder is in use. */
    public Optional<Path> heldLock() {
        Optional<Path> lockFile =
                nodeFolder().map(node -> node.resolve("node.lock")).filter(Files::exists);
        if (lockFile.isEmpty()) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile.get(), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return lockFile;
            }
            lock.release();
            return Optional.empty();
        } catch (OverlappingFileLockException heldHere) {
            return lockFile;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the lock " + lockFile.get() + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of every file in the folder. */
    public long bytes() {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(ElasticDataFolder::size)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ElasticVersion> newestIndexCreation(Path indices) throws IOException {
        if (!Files.isDirectory(indices)) {
            return Optional.empty();
        }
        List<Path> indexFolders;
        try (Stream<Path> folders = Files.list(indices)) {
            indexFolders = folders.toList();
        }
        Optional<ElasticVersion> newest = Optional.empty();
        for (Path index : indexFolders) {
            Optional<Path> state = newest(index.resolve("_state"), "state-");
            if (state.isPresent()) {
                Optional<ElasticVersion> created = creation(StateFiles.read(state.get()));
                if (created.isPresent() && (newest.isEmpty() || created.get().compareTo(newest.get()) > 0)) {
                    newest = created;
                }
            }
        }
        return newest;
    }

    /** {@code {"<index>": {"settings": {"index.version.created": "5061699"}}}}, the settings flat or nested. */
    private static Optional<ElasticVersion> creation(JsonNode indexState) {
        for (JsonNode index : indexState) {
            JsonNode settings = index.path("settings");
            JsonNode created = settings.has("index.version.created")
                    ? settings.path("index.version.created")
                    : settings.path("index").path("version").path("created");
            if (created.isValueNode()) {
                return Optional.of(ElasticVersion.ofId(Long.parseLong(created.asText())));
            }
        }
        return Optional.empty();
    }

    /** The state file of the highest generation, such as {@code node-3.st} over {@code node-2.st}. */
    private static Optional<Path> newest(Path stateFolder, String prefix) throws IOException {
        if (!Files.isDirectory(stateFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(stateFolder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix))
                    .filter(file ->
                            GENERATION.matcher(file.getFileName().toString()).find())
                    .max(Comparator.comparingLong(ElasticDataFolder::generation));
        }
    }

    private static long generation(Path stateFile) {
        Matcher matcher = GENERATION.matcher(stateFile.getFileName().toString());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
