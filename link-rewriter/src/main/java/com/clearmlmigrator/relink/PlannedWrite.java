package com.clearmlmigrator.relink;

import java.util.List;

/**
 * A conditional write a store must perform: set every change's {@code after} only if the document still holds every
 * {@code before}.
 */
public record PlannedWrite(StoredDocument document, List<FieldChange> changes) {
    public PlannedWrite {
        changes = List.copyOf(changes);
    }

    /** How a store's conditional write ended. */
    public enum Outcome {
        /** The document now holds the new values. */
        WRITTEN,
        /** The document changed since it was read; left alone. */
        CONFLICT,
        /** A unique index refused the new value; left alone. */
        COLLISION,
        /** The store refused for another reason. */
        FAILED
    }
}
