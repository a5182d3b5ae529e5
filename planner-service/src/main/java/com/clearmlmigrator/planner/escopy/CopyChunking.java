package com.clearmlmigrator.planner.escopy;

/**
 * How an Elasticsearch copy is cut into tasks.
 *
 * @param documentsPerSlice  documents per copy task (one scroll slice); a crashed task copies at most this many again
 * @param maxSlices          most slices of one index (each slice filters the whole index on the source)
 * @param workers            elastic-workers expected to copy at once, to share a rate limit
 * @param smallIndex         indices of at most this many documents are created with their final settings
 */
public record CopyChunking(int documentsPerSlice, int maxSlices, int workers, int smallIndex) {
    public CopyChunking {
        if (documentsPerSlice < 1 || maxSlices < 1 || workers < 1 || smallIndex < 0) {
            throw new IllegalArgumentException(
                    "slice sizes and counts must be positive, the small-index size not negative");
        }
    }

    /**
     * Whether an index arrives in a bulk or two (ClearML's monthly statistics indices, a small company's events), where
     * replicas and refresh cost next to nothing while copying. Created with its final settings, it spares the target a
     * settings update, one more cluster-state change, per index.
     */
    public boolean isSmall(long documents) {
        return documents <= smallIndex;
    }

    public int slicesFor(long documents) {
        long wanted = (documents + documentsPerSlice - 1) / documentsPerSlice;
        return (int) Math.max(1, Math.min(maxSlices, wanted));
    }

    /**
     * One elastic-worker's share of a copy-wide rate limit, which its tasks of the copy running at once share (a copy of
     * fewer slices than workers keeps fewer of them busy); 0 means no limit.
     */
    public long perWorkerRate(Long maxDocsPerSecond, int totalSlices) {
        if (maxDocsPerSecond == null || maxDocsPerSecond <= 0) {
            return 0;
        }
        int atOnce = Math.max(1, Math.min(totalSlices, workers));
        return Math.max(1, maxDocsPerSecond / atOnce);
    }
}
