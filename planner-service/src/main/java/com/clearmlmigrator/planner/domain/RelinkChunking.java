package com.clearmlmigrator.planner.domain;

/**
 * How big the parts of a relink are: a crash redoes at most one part, and parts of one collection or index run on
 * several workers at once.
 *
 * @param documentsPerChunk MongoDB documents per id range
 * @param documentsPerSlice Elasticsearch documents per scroll slice
 * @param maxSlices         most slices per index
 */
public record RelinkChunking(int documentsPerChunk, int documentsPerSlice, int maxSlices) {
    public RelinkChunking {
        if (documentsPerChunk < 1 || documentsPerSlice < 1 || maxSlices < 1) {
            throw new IllegalArgumentException("chunk and slice sizes must be positive");
        }
    }

    /** Slices for an index of this many documents: at least one, at most {@link #maxSlices}. */
    public int slicesFor(long documents) {
        long wanted = (documents + documentsPerSlice - 1) / documentsPerSlice;
        return (int) Math.max(1, Math.min(maxSlices, wanted));
    }
}
