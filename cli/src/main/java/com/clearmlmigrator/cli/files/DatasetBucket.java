package com.clearmlmigrator.cli.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * A bucket (S3, or an S3 server such as MinIO or Ceph) or an Azure Blob Storage container that datasets were uploaded
 * to: their state files lie at {@code <prefix><project>/.datasets/<name>/<name>.<id>/artifacts/state/state.json}. A
 * file is read by downloading it to this host, and replaced by an upload that the store takes only while the object is
 * still the version downloaded ({@code If-Match} on its ETag, checked before too for servers that do not know that
 * header).
 */
public final class DatasetBucket implements StateFilePlace {
    private static final String STATE_FILE = "artifacts/state/state.json";

    private final ObjectStore objects;
    private final Downloads downloads = new Downloads();
    private final String option;
    private final Consumer<String> whileReplacing;

    /** @param whileReplacing called with each name while its replacement is ready and not yet uploaded (for tests) */
    DatasetBucket(ObjectStore objects, String option, Consumer<String> whileReplacing) {
        this.objects = objects;
        this.option = option;
        this.whileReplacing = whileReplacing;
    }

    /**
     * @param objects the bucket or container, looked into once already ({@code S3Objects.at}, {@code AzureBlobs.at})
     * @param option  the command-line option that names it, for an undo
     */
    static DatasetBucket at(ObjectStore objects, String option) {
        return new DatasetBucket(objects, option, name -> {});
    }

    @Override
    public Description description() {
        return new Description(
                objects.where(),
                objects.where() + FileServerFolder.JOURNALS + "/",
                option,
                "were the datasets uploaded there?");
    }

    /**
     * Lists the place's top level first and then each of its folders but the migrator's journals, which hold a copy of
     * every state file a relink changed: listed with the rest, each relink made the next one's listing longer.
     */
    @Override
    public Found stateFiles() {
        List<String> names = new ArrayList<>();
        String journals = objects.prefix() + FileServerFolder.JOURNALS + "/";
        try {
            ObjectStore.Level top = objects.level(objects.prefix());
            top.keys().forEach(key -> addIfStateFile(key, names));
            for (String folder : top.folders()) {
                if (!folder.equals(journals)) {
                    objects.keysUnder(folder).forEach(key -> addIfStateFile(key, names));
                }
            }
        } catch (IOException e) {
            return new Found(List.of(), List.of(objects.where() + ": could not be listed (" + e.getMessage() + ")"));
        }
        names.sort(null);
        return new Found(names, List.of());
    }

    private void addIfStateFile(String key, List<String> names) {
        if (key.endsWith("/" + STATE_FILE) || key.equals(objects.prefix() + STATE_FILE)) {
            names.add(key.substring(objects.prefix().length()));
        }
    }

    @Override
    public StateFile fetch(String name) throws IOException {
        return downloads.fetch(objects, key(name), name);
    }

    @Override
    public void replace(StateFile seen, String expectedDigest, Content content, DigestListener beforeCommit)
            throws IOException {
        Path replacement = downloads.newFile();
        try {
            String digest = write(replacement, content);
            whileReplacing.accept(seen.name());
            String seenDigest = FileReplacements.digest(seen.content());
            if (!seenDigest.equals(expectedDigest) || !stillAsSeen(seen, seenDigest)) {
                throw new WrittenMeanwhileException();
            }
            beforeCommit.ready(digest);
            objects.upload(key(seen.name()), replacement, seen.version());
        } finally {
            Files.deleteIfExists(replacement);
        }
    }

    /**
     * Whether the object is still the version fetched: by its ETag, or, where the server gives none (some S3 servers
     * for objects they did not write), by its content.
     */
    private boolean stillAsSeen(StateFile seen, String seenDigest) throws IOException {
        String now = objects.version(key(seen.name()));
        if (seen.version() != null && now != null) {
            return seen.version().equals(now);
        }
        try (StateFile current = fetch(seen.name())) {
            return FileReplacements.digest(current.content()).equals(seenDigest);
        }
    }

    private static String write(Path file, Content content) throws IOException {
        MessageDigest sha256 = FileReplacements.sha256();
        try (OutputStream out =
                new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha256)) {
            content.writeTo(out);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private String key(String name) {
        return objects.prefix() + name;
    }

    /** Each file waits on five round trips (download, original, version, change, upload): 16 at once hide them. */
    @Override
    public int filesAtOnce() {
        return 16;
    }

    @Override
    public StateFileJournal journal(String relinkId) {
        return new BucketJournal(
                objects, downloads, objects.prefix() + FileServerFolder.JOURNALS + "/relink-" + relinkId + "/");
    }

    @Override
    public void close() {
        downloads.close();
        objects.close();
    }
}
