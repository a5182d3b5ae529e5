package com.clearmlmigrator.planner.relink;

import com.clearmlmigrator.relink.ClearmlFields;

/**
 * How big the parts of a relink are: a crash redoes at most one part, and parts of one collection or index run on
 * several workers at once.
 *
 * @param documentsPerChunk     MongoDB documents per id range
 * @param documentsPerSlice     Elasticsearch documents per scroll slice
 * @param documentsPerPlotSlice plot documents per scroll slice: plots are rewritten on the client, opened and
 *                              compressed again, and read in small pages, so the same number of them takes many times
 *                              longer than debug images
 * @param maxSlices             most slices per index
 */
public record RelinkChunking(int documentsPerChunk, int documentsPerSlice, int documentsPerPlotSlice, int maxSlices) {
    public RelinkChunking {
        if (documentsPerChunk < 1 || documentsPerSlice < 1 || documentsPerPlotSlice < 1 || maxSlices < 1) {
            throw new IllegalArgumentException("chunk and slice sizes must be positive");
        }
    }

    /** Slices for an index of this many documents: at least one, at most {@link #maxSlices}. */
    public int slicesFor(String index, long documents) {
        int perSlice = ClearmlFields.isPlotIndex(index) ? documentsPerPlotSlice : documentsPerSlice;
        long wanted = (documents + perSlice - 1) / perSlice;
        return (int) Math.max(1, Math.min(maxSlices, wanted));
    }
}
