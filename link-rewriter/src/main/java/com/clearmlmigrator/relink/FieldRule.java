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
        TEXT
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

    /** The path's segments. */
    public List<String> segments() {
        return List.of(path.split("\\."));
    }

    /** The first segment: the top-level field a store has to read for this rule. */
    public String topLevelField() {
        return segments().get(0);
    }
}
