package com.clearmlmigrator.contracts;

/** What a task asks a worker to do, and so which worker kind handles it. */
public enum TaskType {
    /** Count, size and shape of one MongoDB collection. */
    INSPECT_COLLECTION(WorkerKind.MONGO),
    /** Count, size, mapping types, routing and URL-bearing fields of one Elasticsearch index. */
    INSPECT_INDEX(WorkerKind.ELASTIC),
    /** Rewrite references from one URL prefix to another in one range of a MongoDB collection. */
    RELINK_COLLECTION(WorkerKind.MONGO),
    /** Rewrite references from one URL prefix to another in one slice of an Elasticsearch index. */
    RELINK_INDEX(WorkerKind.ELASTIC),
    /** Restore, from a relink's journal, the values it changed in one collection. */
    UNDO_RELINK_COLLECTION(WorkerKind.MONGO),
    /** Restore, from a relink's journal, the values it changed in one index. */
    UNDO_RELINK_INDEX(WorkerKind.ELASTIC),
    /** Create the translated templates and the empty target indices of an Elasticsearch copy. */
    PREPARE_COPY(WorkerKind.ELASTIC),
    /** Copy one slice of a source index to the target cluster, keeping ids, routing and sources. */
    COPY_SLICE(WorkerKind.ELASTIC),
    /** Compare a copied index with its source, restore its settings and, if asked, write-block the source. */
    VERIFY_COPY(WorkerKind.ELASTIC),
    /** Prepare, copy and verify, in one task, an index small enough for one slice. */
    COPY_INDEX(WorkerKind.ELASTIC);

    private final WorkerKind worker;

    TaskType(WorkerKind worker) {
        this.worker = worker;
    }

    /** True for the types that carry a {@link RelinkSpec}. */
    public boolean isRelink() {
        return this == RELINK_COLLECTION
                || this == RELINK_INDEX
                || this == UNDO_RELINK_COLLECTION
                || this == UNDO_RELINK_INDEX;
    }

    /** True for the types of an Elasticsearch copy, which carry a {@link CopySpec} and a source cluster. */
    public boolean isCopy() {
        return this == PREPARE_COPY || this == COPY_SLICE || this == VERIFY_COPY || this == COPY_INDEX;
    }

    /** The worker kind that handles tasks of this type. */
    public WorkerKind worker() {
        return worker;
    }
}
