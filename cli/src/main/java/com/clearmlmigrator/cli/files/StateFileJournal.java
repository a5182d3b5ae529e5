package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one relink changed in a place of state files, kept in that place for its undo: each changed file's original and
 * the digest of what replaced it, so that an undo restores only files nobody changed since. Both are kept before the
 * file is replaced: a relink stopped in between leaves an entry whose file still holds its original, which undo counts
 * as restored already.
 */
interface StateFileJournal {
    /** Whether the relink changed anything here. */
    boolean exists() throws IOException;

    /**
     * Keeps {@code current} as the original its replacement is made from, and returns the original to read. The first
     * original kept stays, should the same file be kept again.
     */
    StateFilePlace.StateFile keepOriginal(StateFilePlace.StateFile current) throws IOException;

    /** Notes the digest of what is about to replace the file, before it does. */
    void recordReplacement(String name, String digest) throws IOException;

    /** The digest of what each changed file was given, by its name. */
    Map<String, String> changes() throws IOException;

    /** The kept original of a changed file, to read. */
    StateFilePlace.StateFile original(String name) throws IOException;

    /** When the journal was forgotten, if it was: its originals are gone, and there is nothing to restore. */
    Optional<Instant> forgottenAt() throws IOException;

    /** What the journal keeps: the originals, and the bytes it takes in all (the mark of a forget aside). */
    Kept kept() throws IOException;

    /**
     * Removes the originals and the record of changes, once the relink is to be kept for good, and returns what it
     * removed (what it found: one look, as a bucket's listing may take a while). Unless the journal is marked forgotten
     * already, the time is left first, in their place: an undo after it says the journal was forgotten (not that the
     * relink changed nothing), and a forget stopped midway is finished by the next. A journal with nothing in it is left
     * unmarked.
     */
    Kept forget(Instant at) throws IOException;

    /**
     * @param originals the files kept as they were before the relink
     * @param bytes     what the journal takes in the place, originals and record of changes
     */
    record Kept(int originals, long bytes) {}
}
