package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.clearmlmigrator.cli.files.StateFilePlace.StateFile;

/**
 * A relink's journal in the bucket it changed ({@code <prefix>.clearml-migrator/relink-<id>/}), so that its undo can
 * run from any host: each changed file's original ({@code originals/<name>}) and, since an object cannot be appended
 * to, one small object a change ({@code changes/<name>}) holding the digest of what replaced it.
 */
final class BucketJournal implements StateFileJournal {
    private final BucketObjects bucket;
    private final String folder;

    BucketJournal(BucketObjects bucket, String folder) {
        this.bucket = bucket;
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
        bucket.write(folder + "changes/" + name, digest);
    }

    @Override
    public Map<String, String> changes() throws IOException {
        Map<String, String> changes = new LinkedHashMap<>();
        String changesFolder = folder + "changes/";
        for (String key : bucket.keysUnder(changesFolder)) {
            changes.put(key.substring(changesFolder.length()), bucket.read(key).strip());
        }
        return changes;
    }

    @Override
    public StateFile original(String name) throws IOException {
        return bucket.download(folder + "originals/" + name, name);
    }
}
