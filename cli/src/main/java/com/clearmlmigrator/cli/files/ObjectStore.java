package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The objects of one bucket (S3) or container (Azure Blob Storage) below the folder the datasets were uploaded to, as
 * a dataset's state files need them: read with their version, written only over the version read, listed a level at a
 * time. What the store refuses is an {@link IOException} with a sentence for the operator ({@link
 * PlaceRefusedException}); an object that is not there, {@link NoSuchFileException}.
 */
interface ObjectStore extends AutoCloseable {
    /** How the operator writes the place, with its folder: {@code s3://bucket/clearml/}, {@code azure://...}. */
    String where();

    /** The folder in the bucket or container: empty, or ending with /. Keys below are whole keys, with it. */
    String prefix();

    /** Writes the object to {@code into} and gives its version (an ETag); null where the store gives none. */
    String download(String key, Path into) throws IOException;

    /** The object's version as it is now; null where the store gives none. */
    String version(String key) throws IOException;

    default boolean exists(String key) throws IOException {
        try {
            version(key);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Uploads {@code file} to {@code key}; with {@code ifVersion}, only over that version of the object, else {@link
     * WrittenMeanwhileException}.
     */
    void upload(String key, Path file, String ifVersion) throws IOException;

    /** Writes a small object's text, over what the key held. */
    void write(String key, String text) throws IOException;

    /** The keys right under {@code prefix} and its folders (each ending with /): a folder is listed only if asked. */
    Level level(String prefix) throws IOException;

    /** The size of every object under {@code folder} (a prefix ending with /), by key; folder markers passed over. */
    Map<String, Long> sizesUnder(String folder) throws IOException;

    /** Every object's key under {@code folder}, a prefix ending with /; folder markers passed over. */
    default List<String> keysUnder(String folder) throws IOException {
        return List.copyOf(sizesUnder(folder).keySet());
    }

    /** Deletes the objects; a key that is gone already counts as deleted. */
    void delete(List<String> keys) throws IOException;

    @Override
    void close();

    /** What one level of a listing holds. */
    record Level(List<String> keys, List<String> folders) {}
}
