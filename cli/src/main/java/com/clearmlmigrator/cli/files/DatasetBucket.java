package com.clearmlmigrator.cli.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket (S3, or an S3 server such as MinIO or Ceph) that datasets were uploaded to: their state files lie at {@code
 * <prefix><project>/.datasets/<name>/<name>.<id>/artifacts/state/state.json}. A file is read by downloading it to this
 * host, and replaced by an upload that S3 takes only while the object is still the version downloaded ({@code If-Match}
 * on its ETag, checked before too for servers that do not know that header).
 */
public final class DatasetBucket implements StateFilePlace {
    private static final String STATE_FILE = "artifacts/state/state.json";

    private final S3Client s3;
    private final BucketLocation location;
    private final String option;
    private Path scratch;
    private final Consumer<String> whileReplacing;

    /** @param whileReplacing called with each name while its replacement is ready and not yet uploaded (for tests) */
    DatasetBucket(S3Client s3, BucketLocation location, String option, Consumer<String> whileReplacing) {
        this.s3 = s3;
        this.location = location;
        this.option = option;
        this.whileReplacing = whileReplacing;
    }

    /** A new path in this place's folder of downloads, made at the first download. */
    private synchronized Path scratchFile() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("clearml-migrator-state-files");
        }
        return scratch.resolve(UUID.randomUUID() + ".json");
    }

    /**
     * The bucket, looked into once before anything is submitted.
     *
     * @param option the command-line option that names it, for an undo
     * @throws IllegalArgumentException with a sentence for the operator when the bucket cannot be listed
     */
    public static DatasetBucket at(S3Client s3, BucketLocation location, String option) {
        try {
            s3.listObjectsV2(request ->
                    request.bucket(location.bucket()).prefix(location.prefix()).maxKeys(1));
        } catch (SdkException e) {
            throw new IllegalArgumentException(BucketErrors.sentence(e, location), e);
        }
        return new DatasetBucket(s3, location, option, name -> {});
    }

    @Override
    public Description description() {
        return new Description(
                location.toString(),
                location + FileServerFolder.JOURNALS + "/",
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
        String journals = location.prefix() + FileServerFolder.JOURNALS + "/";
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request ->
                    request.bucket(location.bucket()).prefix(location.prefix()).delimiter("/"))) {
                page.contents().forEach(object -> addIfStateFile(object.key(), names));
                for (CommonPrefix folder : page.commonPrefixes()) {
                    if (!folder.prefix().equals(journals)) {
                        keysUnder(folder.prefix()).forEach(key -> addIfStateFile(key, names));
                    }
                }
            }
        } catch (SdkException | IOException e) {
            String why = e instanceof SdkException sdk ? BucketErrors.sentence(sdk, location) : e.getMessage();
            return new Found(List.of(), List.of(location + ": could not be listed (" + why + ")"));
        }
        names.sort(null);
        return new Found(names, List.of());
    }

    private void addIfStateFile(String key, List<String> names) {
        if (key.endsWith("/" + STATE_FILE) || key.equals(location.prefix() + STATE_FILE)) {
            names.add(key.substring(location.prefix().length()));
        }
    }

    @Override
    public StateFile fetch(String name) throws IOException {
        return download(key(name), name);
    }

    StateFile download(String key, String name) throws IOException {
        Path content = scratchFile();
        try {
            GetObjectResponse got = s3.getObject(
                    request -> request.bucket(location.bucket()).key(key), ResponseTransformer.toFile(content));
            return new StateFile(name, content, got.eTag(), true);
        } catch (NoSuchKeyException e) {
            Files.deleteIfExists(content);
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            Files.deleteIfExists(content);
            throw new PlaceRefusedException(BucketErrors.sentence(e, location));
        }
    }

    @Override
    public void replace(StateFile seen, String expectedDigest, Content content, DigestListener beforeCommit)
            throws IOException {
        Path replacement = scratchFile();
        try {
            String digest = write(replacement, content);
            whileReplacing.accept(seen.name());
            String seenDigest = FileReplacements.digest(seen.content());
            if (!seenDigest.equals(expectedDigest) || !stillAsSeen(seen, seenDigest)) {
                throw new WrittenMeanwhileException();
            }
            beforeCommit.ready(digest);
            upload(key(seen.name()), replacement, seen.version());
        } finally {
            Files.deleteIfExists(replacement);
        }
    }

    /**
     * Whether the object is still the version fetched: by its ETag, or, where the server gives none (some S3 servers
     * for objects they did not write), by its content.
     */
    private boolean stillAsSeen(StateFile seen, String seenDigest) throws IOException {
        String now = currentVersion(key(seen.name()));
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

    private String currentVersion(String key) throws IOException {
        try {
            return s3.headObject(request -> request.bucket(location.bucket()).key(key))
                    .eTag();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            throw new PlaceRefusedException(BucketErrors.sentence(e, location));
        } catch (SdkException e) {
            throw new PlaceRefusedException(BucketErrors.sentence(e, location));
        }
    }

    /**
     * Uploads {@code file} to {@code key}; with {@code ifVersion}, only over that version of the object (S3 answers 412
     * to another).
     */
    void upload(String key, Path file, String ifVersion) throws IOException {
        try {
            s3.putObject(
                    request -> request.bucket(location.bucket()).key(key).ifMatch(ifVersion), // null: no condition
                    RequestBody.fromFile(file));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw new WrittenMeanwhileException();
            }
            if (e.statusCode() == 501 && ifVersion != null) {
                // An S3 server that does not do conditional writes (older MinIO, Ceph): the version was checked just
                // before, as it is on those servers by hand.
                upload(key, file, null);
                return;
            }
            throw new PlaceRefusedException(BucketErrors.sentence(e, location));
        } catch (SdkException e) {
            throw new PlaceRefusedException(BucketErrors.sentence(e, location));
        }
    }

    /** Whether an object is there. */
    boolean exists(String key) throws IOException {
        try {
            currentVersion(key);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Every object's key under {@code folder}, a prefix ending with /; folder markers (keys ending with /, which S3
     * consoles make and some servers list for every folder) are passed over.
     */
    List<String> keysUnder(String folder) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            s3
                    .listObjectsV2Paginator(
                            request -> request.bucket(location.bucket()).prefix(folder))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .filter(key -> !key.endsWith("/"))
                    .forEach(keys::add);
        } catch (SdkException e) {
            throw new PlaceRefusedException(BucketErrors.sentence(e, location));
        }
        return keys;
    }

    /** A small object's text. */
    String read(String key) throws IOException {
        try {
            return s3.getObjectAsBytes(
                            request -> request.bucket(location.bucket()).key(key))
                    .asUtf8String();
        } catch (SdkException e) {
            throw new PlaceRefusedException(BucketErrors.sentence(e, location));
        }
    }

    /** Writes a small object's text. */
    void write(String key, String text) throws IOException {
        try {
            s3.putObject(request -> request.bucket(location.bucket()).key(key), RequestBody.fromString(text));
        } catch (SdkException e) {
            throw new PlaceRefusedException(BucketErrors.sentence(e, location));
        }
    }

    private String key(String name) {
        return location.prefix() + name;
    }

    /** Each file waits on five round trips (download, original, version, change, upload): 16 at once hide them. */
    @Override
    public int filesAtOnce() {
        return 16;
    }

    @Override
    public StateFileJournal journal(String relinkId) {
        return new BucketJournal(this, location.prefix() + FileServerFolder.JOURNALS + "/relink-" + relinkId + "/");
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
