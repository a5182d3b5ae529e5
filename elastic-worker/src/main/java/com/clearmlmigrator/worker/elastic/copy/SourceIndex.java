package com.clearmlmigrator.worker.elastic.copy;

import com.clearmlmigrator.contracts.Slice;

/**
 * The index a copy reads, on the source cluster. Reads and writes may fail with {@link
 * com.clearmlmigrator.contracts.TaskFailedException}.
 *
 * @param <D> the documents it reads
 */
public interface SourceIndex<D extends CopyDocument> {
    /**
     * The index's write count: documents indexed and deleted on its primaries. Read before a copy's read opens and
     * again after the seal, it tells whether the copy may have missed a write.
     */
    long writeCount();

    /** Reads every document of the slice (or, with a null slice, of the index) in index order, page by page. */
    void read(Slice slice, int pageSize, Reader<D> reader);

    /** Puts a write block on the index. */
    void seal();

    /** Where the read documents go. */
    interface Reader<D> {
        /** One document; it may not be held after this returns. */
        void document(D document);

        /** A page of {@code documents} has been read. */
        void pageEnded(int documents);
    }
}
