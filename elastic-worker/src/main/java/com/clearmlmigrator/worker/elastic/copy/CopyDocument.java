package com.clearmlmigrator.worker.elastic.copy;

/** A document on its way from the source index to the target, as {@link CopyEngine} sees it. */
public interface CopyDocument {
    /** {@link DocumentDigest} of its id, routing and source. */
    long digest();

    /** The size of its source, in bytes. */
    int bytes();

    /** A document big enough to be written alone, with nothing else held beside it. */
    boolean large();
}
