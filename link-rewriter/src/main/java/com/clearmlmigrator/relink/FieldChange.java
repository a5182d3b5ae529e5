package com.clearmlmigrator.relink;

import java.util.Objects;

/**
 * One value a relink changes in one document.
 *
 * @param rule   the rule's path pattern, for reports ({@code execution.artifacts.*.uri})
 * @param path   the concrete dotted path ({@code execution.artifacts.ab12_output.uri}, {@code report_assets.0})
 * @param before the stored value
 * @param after  the value to store
 */
public record FieldChange(String rule, String path, Object before, Object after) {
    public FieldChange {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(path, "path");
    }

    /** The same change the other way round, for undo. */
    public FieldChange reversed() {
        return new FieldChange(rule, path, after, before);
    }
}
