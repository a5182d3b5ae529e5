package com.clearmlmigrator.relink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Walks nested maps and lists (a BSON document, a parsed {@code _source}) along a path with {@code *} wildcards. */
public final class DocumentPaths {
    private DocumentPaths() {}

    /** Calls {@code visit} with the concrete dotted path and value of every string the pattern reaches. */
    public static void forEachString(
            Map<String, Object> document, List<String> pattern, BiConsumer<String, String> visit) {
        walk(document, pattern, 0, "", String.class, visit);
    }

    /** Calls {@code visit} with the concrete dotted path and value of every map (a subdocument) the pattern reaches. */
    public static void forEachMap(
            Map<String, Object> document, List<String> pattern, BiConsumer<String, Map<?, ?>> visit) {
        walk(document, pattern, 0, "", Map.class, (path, map) -> visit.accept(path, map));
    }

    /** Sets a value at a concrete dotted path that {@link #forEachString} reported; list positions are numbers. */
    @SuppressWarnings("unchecked")
    public static void set(Map<String, Object> document, String path, Object value) {
        String[] segments = path.split("\\.");
        Object node = document;
        for (int i = 0; i < segments.length - 1; i++) {
            node = child(node, segments[i]);
        }
        String last = segments[segments.length - 1];
        if (node instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), value);
        } else {
            ((Map<String, Object>) node).put(last, value);
        }
    }

    /** The value at a concrete dotted path, or null when the path does not exist. */
    public static Object get(Map<String, Object> document, String path) {
        Object node = document;
        for (String segment : path.split("\\.")) {
            node = child(node, segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** A copy of a document's maps and lists, their other values shared: to change without touching the document. */
    public static Map<String, Object> copy(Map<?, ?> document) {
        Map<String, Object> copy = new LinkedHashMap<>();
        document.forEach((key, value) -> copy.put(String.valueOf(key), copyOf(value)));
        return copy;
    }

    private static Object copyOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copyOf(element)));
            return copy;
        }
        return value;
    }

    private static Object child(Object node, String segment) {
        if (node instanceof Map<?, ?> map) {
            return map.get(segment);
        }
        if (node instanceof List<?> list && segment.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(segment);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    private static <T> void walk(
            Object node,
            List<String> pattern,
            int depth,
            String prefix,
            Class<T> type,
            BiConsumer<String, ? super T> visit) {
        if (depth == pattern.size()) {
            if (type.isInstance(node)) {
                visit.accept(prefix, type.cast(node));
            }
            return;
        }
        String segment = pattern.get(depth);
        for (String key : keys(node, segment)) {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            walk(child(node, key), pattern, depth + 1, path, type, visit);
        }
    }

    private static List<String> keys(Object node, String segment) {
        if (!segment.equals("*")) {
            return List.of(segment);
        }
        List<String> keys = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> keys.add(String.valueOf(k)));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                keys.add(Integer.toString(i));
            }
        }
        return keys;
    }
}
