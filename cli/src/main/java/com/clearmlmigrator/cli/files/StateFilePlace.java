package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a ClearML server keeps dataset state files ({@code <project>/.datasets/<name>/<name>.<id>/artifacts/state/
 * state.json}): its file server's data folder, or a bucket the datasets were uploaded to. A relink reads each file, and
 * replaces it whole only if nobody wrote it meanwhile.
 */
public interface StateFilePlace extends AutoCloseable {
    /** How the operator reads and names the place. */
    Description description();

    /** Every state file in the place, by name (its path below the place); the migrator's journals are passed over. */
    Found stateFiles();

    /** A state file as it is now, readable on this host: the file itself, or a download of it. */
    StateFile fetch(String name) throws IOException;

    /**
     * Replaces a state file whole with {@code content}, unless it is no longer what {@code seen} held when fetched, or
     * that was not {@code expectedDigest}: then {@link WrittenMeanwhileException}, and the file stays as it is.
     *
     * @param beforeCommit told the SHA-256 of the new content once it is ready, before it takes the file's place
     */
    void replace(StateFile seen, String expectedDigest, Content content, DigestListener beforeCommit)
            throws IOException;

    /**
     * How many state files are worth working on at once here: a folder's are read and written on one disk, a bucket's
     * each wait on a few round trips.
     */
    int filesAtOnce();

    /** What one relink changed here, kept here for its undo. */
    StateFileJournal journal(String relinkId);

    @Override
    void close();

    /**
     * @param where    the folder, or {@code s3://bucket/prefix}
     * @param journals where the originals of the files a relink changes are kept
     * @param option   the command-line option that names the place again, for an undo
     * @param isIt     the question to ask when no state file is found there
     */
    record Description(String where, String journals, String option, String isIt) {}

    /**
     * What a look through the place found.
     *
     * @param names      every state file, in name order
     * @param unreadable what could not be looked into, each with why: datasets may lie there unseen
     */
    record Found(List<String> names, List<String> unreadable) {}

    /**
     * A state file as fetched.
     *
     * @param name      its path below the place, with / between names
     * @param content   where it can be read on this host
     * @param version   what the place says of that version of it (an S3 ETag); null for a file of the folder
     * @param temporary whether {@code content} is a download, deleted on close
     */
    record StateFile(String name, Path content, String version, boolean temporary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporary) {
                java.nio.file.Files.deleteIfExists(content);
            }
        }
    }

    /** What goes into a file, written to the stream it is given. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Told the digest of a replacement before it is put in place. */
    interface DigestListener {
        void ready(String digest) throws IOException;
    }
}
