package com.clearmlmigrator.contracts;

/**
 * One slice of an Elasticsearch sliced scroll.
 *
 * @param id  slice number, from 0
 * @param max number of slices of the index
 */
public record Slice(int id, int max) {
    public Slice {
        if (max < 1 || id < 0 || id >= max) {
            throw new IllegalArgumentException("slice " + id + " of " + max + " does not exist");
        }
    }
}
