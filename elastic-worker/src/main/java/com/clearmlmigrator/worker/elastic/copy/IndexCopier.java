package com.clearmlmigrator.worker.elastic.copy;

import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.MigrationTask;

/**
 * The three steps of an Elasticsearch copy. Each may be performed again (Kafka delivers at least once) and then leaves
 * the target as the first run left it: indices this migration created are kept, documents are created by {@code _id}
 * and never duplicated, and a document already on the target is compared, never overwritten.
 */
public interface IndexCopier {
    /**
     * Puts the translated templates and creates the empty target indices, with replicas and refresh off.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when a cluster is unreachable or refuses
     */
    CopyReport prepare(MigrationTask task);

    /** Copies one slice of one index, and fingerprints what it read and what the target confirmed. */
    CopyReport copySlice(MigrationTask task);

    /**
     * Fingerprints the whole target index and compares it with the source's; restores the index settings and, when
     * asked and the copy matches, write-blocks the source index. Then checks that the source took no writes since the
     * copy began.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the copy does not match its source, or a sealed
     *                                                           source took writes the copy may have missed
     */
    CopyReport verify(MigrationTask task);

    /** The three steps in one task, for an index small enough for one slice; the verification expects what it read. */
    CopyReport copyIndex(MigrationTask task);
}
