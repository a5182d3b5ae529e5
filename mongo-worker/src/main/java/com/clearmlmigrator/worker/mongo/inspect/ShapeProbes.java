package com.clearmlmigrator.worker.mongo.inspect;

import java.util.List;

/**
 * The data shapes that differ across ClearML server versions and that later migrations must handle, per collection:
 * artifacts were a list up to server 0.16.1 and a map since; model and queue metadata were a list before server 1.3.
 */
public final class ShapeProbes {
    /**
     * One shape to count.
     *
     * @param name  shape name in the report, for example {@code artifacts-as-list}
     * @param field dotted field path
     * @param list  true to count documents where the field is an array, false where it is an embedded document
     */
    public record ShapeProbe(String name, String field, boolean list) {}

    private ShapeProbes() {}

    public static List<ShapeProbe> forCollection(String collection) {
        return switch (collection) {
            case "task", "task__trash" -> listAndMap("artifacts", "execution.artifacts");
            case "model", "queue" -> listAndMap("metadata", "metadata");
            default -> List.of();
        };
    }

    private static List<ShapeProbe> listAndMap(String name, String field) {
        return List.of(new ShapeProbe(name + "-as-list", field, true), new ShapeProbe(name + "-as-map", field, false));
    }
}
