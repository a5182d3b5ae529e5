package com.clearmlmigrator.e2e;

import java.util.List;
import java.util.Map;

/**
 * What a relink with every opt-in group ({@code hyperparams}, {@code configuration}, {@code metadata},
 * {@code artifact-previews}, {@code logs}) and the extra field {@code frames:meta.preview} must produce, written like
 * {@link ExpectedRelink}: the default result plus plain replacement of the old prefix in each group's text values.
 */
final class ExpectedGroupRelink {
    static final String INCLUDE_ALL =
            "\"include\":[\"hyperparams\",\"configuration\",\"metadata\",\"artifact-previews\",\"logs\"]";
    static final String EXTRA_COLLECTION = "frames";
    static final String EXTRA_FIELDS = "\"extraFields\":[\"" + EXTRA_COLLECTION + ":meta.preview\"]";

    private ExpectedGroupRelink() {}

    static Map<String, Object> mongo(String collection, Map<String, Object> before) {
        Map<String, Object> doc = ExpectedRelink.mongo(collection, before);
        switch (collection) {
            case "task", "task__trash" -> {
                replaceAt(doc, "hyperparams.*.*.value");
                replaceAt(doc, "configuration.*.value");
                replaceAt(doc, "execution.artifacts.*.type_data.preview");
            }
            case "model", "queue" -> replaceAt(doc, "metadata.*.value");
            case EXTRA_COLLECTION -> replaceAt(doc, "meta.preview");
            default -> {}
        }
        return doc;
    }

    static Map<String, Object> elastic(String index, Map<String, Object> before) {
        Map<String, Object> doc = ExpectedRelink.elastic(index, before);
        if (index.startsWith("events-log-")) {
            replaceAt(doc, "msg");
        }
        return doc;
    }

    /** Replaces every occurrence of the old prefix in the text values at a dotted path; {@code *} is any key or item. */
    private static void replaceAt(Object node, String path) {
        String[] steps = path.split("\\.", 2);
        boolean last = steps.length == 1;
        if (node instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            for (String key : List.copyOf(fields.keySet())) {
                if (steps[0].equals("*") || steps[0].equals(key)) {
                    visit(fields.get(key), last ? null : steps[1], value -> fields.put(key, value));
                }
            }
        } else if (node instanceof List<?> list && steps[0].equals("*")) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            for (int i = 0; i < items.size(); i++) {
                int at = i;
                visit(items.get(i), last ? null : steps[1], value -> items.set(at, value));
            }
        }
    }

    private static void visit(Object value, String rest, java.util.function.Consumer<Object> replace) {
        if (rest == null) {
            if (value instanceof String text) {
                replace.accept(ExpectedRelink.relinkedText(text));
            }
        } else {
            replaceAt(value, rest);
        }
    }
}
