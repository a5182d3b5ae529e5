package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.clearmlmigrator.cli.files.StateFilePlace.StateFile;

/**
 * A relink's journal in the bucket or container it changed ({@code <prefix>.clearml-migrator/relink-<id>/}), so that its undo can
 * run from any host: each changed file's original ({@code originals/<name>}) and, since an object cannot be appended
 * to, one small object a change whose key ends with the digest of what replaced it ({@code changes/<name>/<digest>}):
 * the undo reads them all from the listing, not one request a file.
 */
final class BucketJournal implements StateFileJournal {
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
    /** What is left of a forgotten journal: the time it was forgotten. */
    private static final String FORGOTTEN = "forgotten";

    private final ObjectStore bucket;
    private final Downloads downloads;
    private final String folder;

    BucketJournal(ObjectStore bucket, Downloads downloads, String folder) {
        this.bucket = bucket;
        this.downloads = downloads;
        this.folder = folder;
    }

    @Override
    public boolean exists() throws IOException {
        return !bucket.keysUnder(folder + "changes/").isEmpty();
    }

    @Override
    public StateFile keepOriginal(StateFile current) throws IOException {
        String kept = folder + "originals/" + current.name();
        if (!bucket.exists(kept)) {
            bucket.upload(kept, current.content(), null);
            return new StateFile(current.name(), current.content(), current.version(), false);
        }
        return original(current.name());
    }

    @Override
    public void recordReplacement(String name, String digest) throws IOException {
        bucket.write(folder + "changes/" + name + "/" + digest, digest);
    }

    @Override
    public Map<String, String> changes() throws IOException {
        Map<String, String> changes = new LinkedHashMap<>();
        String changesFolder = folder + "changes/";
        for (String key : bucket.keysUnder(changesFolder)) {
            String change = key.substring(changesFolder.length());
            int slash = change.lastIndexOf('/');
            if (slash > 0 && SHA_256.matcher(change.substring(slash + 1)).matches()) {
                changes.put(change.substring(0, slash), change.substring(slash + 1));
            }
        }
        return changes;
    }

    @Override
    public StateFile original(String name) throws IOException {
        return downloads.fetch(bucket, folder + "originals/" + name, name);
    }

    @Override
    public Optional<Instant> forgottenAt() throws IOException {
        try (StateFile mark = downloads.fetch(bucket, folder + FORGOTTEN, FORGOTTEN)) {
            return Optional.of(Instant.parse(Files.readString(mark.content()).strip()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Kept kept() throws IOException {
        Map<String, Long> sizes = bucket.sizesUnder(folder);
        sizes.remove(folder + FORGOTTEN);
        return kept(sizes);
    }

    @Override
    public Kept forget(Instant at) throws IOException {
        Map<String, Long> sizes = bucket.sizesUnder(folder);
        boolean marked = sizes.remove(folder + FORGOTTEN) != null;
        if (sizes.isEmpty()) {
            return new Kept(0, 0);
        }
        if (!marked) {
            bucket.write(folder + FORGOTTEN, at.toString());
        }
        bucket.delete(List.copyOf(sizes.keySet()));
        return kept(sizes);
    }

    private Kept kept(Map<String, Long> sizes) {
        int originals = (int) sizes.keySet().stream()
                .filter(key -> key.startsWith(folder + "originals/"))
                .count();
        return new Kept(
                originals, sizes.values().stream().mapToLong(Long::longValue).sum());
    }
}
