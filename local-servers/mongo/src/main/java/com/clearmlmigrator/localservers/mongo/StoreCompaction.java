package com.clearmlmigrator.localservers.mongo;

import java.io.File;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * Shrinks the wire server's H2 file before the server opens it, when most of the file is space that past writes freed.
 * Background compaction is off ({@link IdLookupH2Backend} says why) and freed space is reused only in part: the local
 * stack's file grew to 9.6 GB over a day of relinks, undos and copies, 27 % of it live. Copied into a new file (H2's
 * offline compaction), that one took 28 s and came to 2.6 GB. Before the server binds nothing reads the store, so the
 * copy races no reader; it writes a new file and then replaces the old one, so a crash part-way leaves the old one
 * whole (and a stray copy, cleaned up on the next start).
 */
final class StoreCompaction {
    /** Files smaller than this are not worth the copy. */
    static final long WORTH_COMPACTING_BYTES = 256L * 1024 * 1024;
    /** The share of a file's chunks that must be live to leave it as it is. */
    private static final int LIVE_PERCENT_TO_KEEP = 50;

    private StoreCompaction() {}

    /**
     * Compacts the file when it is at least {@code smallest} bytes long and less than half of it is live.
     *
     * @return whether it was compacted
     */
    static boolean compactIfMostlyFreed(String fileName, long smallest) {
        File file = new File(fileName);
        MVStoreTool.compactCleanUp(fileName);
        if (!file.isFile() || file.length() < smallest) {
            return false;
        }
        int livePercent;
        try (MVStore store = new MVStore.Builder().fileName(fileName).readOnly().open()) {
            livePercent = store.getFileStore().getChunksFillRate();
        }
        if (livePercent >= LIVE_PERCENT_TO_KEEP) {
            return false;
        }
        long before = file.length();
        long started = System.nanoTime();
        MVStoreTool.compact(fileName, false);
        System.out.printf(
                "Compacted %s from %,d MB to %,d MB (%d %% of it was live) in %,d ms%n",
                fileName, before >> 20, file.length() >> 20, livePercent, (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
