package com.clearmlmigrator.contracts;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a relink task rewrites.
 *
 * @param from        the old URL prefix, validated by the planner
 * @param to          the new URL prefix
 * @param dryRun      report what would change without writing
 * @param include     opt-in field groups ({@code hyperparams}, {@code configuration}, {@code metadata},
 *                    {@code artifact-previews}, {@code logs})
 * @param extraFields more fields as {@code collection:field.path} or {@code index-pattern:field}
 * @param undoOf      for undo tasks: the relink migration whose journal is reversed; absent otherwise
 */
public record RelinkSpec(
        String from,
        String to,
        boolean dryRun,
        List<String> include,
        List<String> extraFields,
        @JsonInclude(JsonInclude.Include.NON_NULL) String undoOf) {

    public RelinkSpec(String from, String to, boolean dryRun, List<String> include, List<String> extraFields) {
        this(from, to, dryRun, include, extraFields, null);
    }

    /** The spec of the undo of the relink with this spec. */
    public RelinkSpec undoing(String relinkMigrationId) {
        return new RelinkSpec(from, to, false, include, extraFields, relinkMigrationId);
    }

    public RelinkSpec {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        include = include == null ? List.of() : List.copyOf(include);
        extraFields = extraFields == null ? List.of() : List.copyOf(extraFields);
    }
}
