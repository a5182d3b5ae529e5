package com.clearmlmigrator.planner.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The jobs the planner knows, by the name used in requests. */
public enum MigrationKind {
    /** Pre-flight check: counts, sizes, versions and data shapes of every ClearML collection and index. */
    INSPECT("inspect"),
    /** Rewrite every stored reference from one URL prefix to another across MongoDB and Elasticsearch. */
    RELINK("relink");

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

    /** The supported names, for error messages. */
    public static String supported() {
        return Arrays.stream(values()).map(MigrationKind::wireName).collect(Collectors.joining(", "));
    }
}
