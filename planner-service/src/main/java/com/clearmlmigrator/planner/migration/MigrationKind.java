package com.clearmlmigrator.planner.migration;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The migrations the planner knows, by the name used in requests. */
public enum MigrationKind {
    /** Pre-flight check: counts, sizes, versions and data shapes of every ClearML collection and index. */
    INSPECT("inspect"),
    /** Rewrite every stored reference from one URL prefix to another across MongoDB and Elasticsearch. */
    RELINK("relink"),
    /** Restore what a relink changed, from its journal; started with {@code POST /migrations/{id}/undo}. */
    UNDO("undo"),
    /** Copy ClearML's indices to another Elasticsearch cluster (5.6 to 7, 7 to 7 or 8), mappings translated, verified. */
    ES_COPY("es-copy");

    private final String wireName;

    MigrationKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<MigrationKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    /** The names a request may give as {@code kind}, for error messages; an undo is started from its relink. */
    public static String supported() {
        return Arrays.stream(values())
                .filter(k -> k != UNDO)
                .map(MigrationKind::wireName)
                .collect(Collectors.joining(", "));
    }
}
