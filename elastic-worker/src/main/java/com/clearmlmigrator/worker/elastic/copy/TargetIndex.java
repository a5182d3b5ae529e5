package com.clearmlmigrator.worker.elastic.copy;

import java.util.Map;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.CopySpec;

/**
 * The cluster and index a copy writes. Calls may fail with {@link com.clearmlmigrator.contracts.TaskFailedException}.
 *
 * @param <D> the documents it writes
 */
public interface TargetIndex<D extends CopyDocument> {
    void putTemplate(CopySpec.IndexTemplate template);

    boolean exists(String index);

    /** The migration named in the index's metadata as the one that created it; empty when none is. */
    String createdBy(String index);

    void delete(String index);

    /** Creates the index with its translated mappings and settings, marked as created by the migration. */
    void create(CopySpec.TargetIndex index, String migrationId);

    /** A writer into the task's index; documents already there are compared, never overwritten. */
    Writer<D> writer();

    /** Makes every written document durable: on disk and out of the translog, whatever its durability setting. */
    void flush();

    /** Makes every written document visible to reads. */
    void refresh();

    /** The fingerprint of every document of the task's index. */
    ContentChecksum fingerprint();

    void putSettings(Map<String, Object> settings);

    /** Marks the task's index, created by the migration, as a copy that matched its source. */
    void markVerified(String migrationId);

    /** Writes documents in bulks, one in flight while the next is gathered. */
    interface Writer<D> extends AutoCloseable {
        void add(D document);

        /** Writes a large document alone, after everything before it, and returns once it is written. */
        void writeAlone(D document);

        /** A page of the source has been read: what is gathered goes out. */
        void pageEnded();

        /** Writes what is left and returns the fingerprint of every document the target confirmed. */
        ContentChecksum finish();

        /**
         * The fingerprint of the documents the target has confirmed so far, without writing what is gathered: what a
         * copy stopped part-way (its migration cancelled) wrote.
         */
        ContentChecksum confirmed();

        /** After a failure: returns once no bulk is still being written. */
        @Override
        void close();
    }
}
