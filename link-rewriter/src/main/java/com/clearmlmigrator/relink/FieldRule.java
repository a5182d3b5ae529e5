package com.clearmlmigrator.relink;

import java.util.List;
import java.util.Objects;

/**
 * A field that may hold references, and how to rewrite it.
 *
 * @param path dotted path; {@code *} stands for any map key or list position ({@code execution.artifacts.*.uri})
 * @param kind how the value is rewritten
 */
public record FieldRule(String path, ValueKind kind) {
    /** How a field's value holds references. */
    public enum ValueKind {
        /** The whole value is one URL: rewritten when it starts with the old prefix. */
        URL,
        /** Free text (markdown, JSON, config): every delimited occurrence is rewritten. */
        TEXT,
        /**
         * An entry of ClearML's storage settings naming an S3 bucket, and its host for an S3-compatible store: the
         * location it stands for is rewritten, and its fields set from the result ({@link BucketEntries}).
         */
        S3_BUCKET,
        /** A storage settings entry naming a Google Cloud Storage bucket and sub-folder. */
        GS_BUCKET,
        /** A storage settings entry naming an Azure storage account and container. */
        AZURE_CONTAINER;

        /** Whether the rule reaches entries of ClearML's storage settings rather than string values. */
        public boolean isStorageEntry() {
            return this == S3_BUCKET || this == GS_BUCKET || this == AZURE_CONTAINER;
        }
    }

    public FieldRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    public static FieldRule url(String path) {
        return new FieldRule(path, ValueKind.URL);
    }

    public static FieldRule text(String path) {
        return new FieldRule(path, ValueKind.TEXT);
    }

    /** A rule reaching the storage settings entries at {@code path}, each the location {@code kind} says. */
    public static FieldRule storageEntry(String path, ValueKind kind) {
        if (!kind.isStorageEntry()) {
            throw new IllegalArgumentException(kind + " is not a storage settings entry");
        }
        return new FieldRule(path, kind);
    }

    /** The path's segments. */
    public List<String> segments() {
        return List.of(path.split("\\."));
    }

    /** The first segment: the top-level field a store has to read for this rule. */
    public String topLevelField() {
        return segments().get(0);
    }
}
