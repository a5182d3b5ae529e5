package com.clearmlmigrator.relink;

import java.util.regex.Pattern;

/**
 * A field a request adds to the default set, written {@code collection:field.path} for MongoDB or {@code
 * index-pattern:field} for Elasticsearch (for example Hyper-Dataset frame indices). Its values are rewritten as text.
 *
 * @param target collection name or index pattern, where {@code *} matches any characters
 * @param path   dotted field path, {@code *} for any key or list position
 */
public record ExtraField(String target, String path) {
    private static final Pattern FORMAT = Pattern.compile("[^:\\s]{1,255}:[A-Za-z0-9_@*-][A-Za-z0-9_.@*-]{0,511}");

    /**
     * @throws IllegalArgumentException with a sentence naming the problem
     */
    public static ExtraField parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("Each of 'extraFields' must look like collection:field.path or"
                    + " index-pattern:field, for example frames:sources.*.uri.");
        }
        if (text.startsWith("script") || text.contains(":script.") || text.endsWith(":script")) {
            throw new IllegalArgumentException(
                    "'extraFields' may not name script fields: they hold code, not storage.");
        }
        int colon = text.indexOf(':');
        return new ExtraField(text.substring(0, colon), text.substring(colon + 1));
    }

    /** True when this field belongs to the collection or index. */
    public boolean appliesTo(String name) {
        return Pattern.compile(Pattern.quote(target).replace("*", "\\E.*\\Q"))
                .matcher(name)
                .matches();
    }

    public FieldRule rule() {
        return FieldRule.text(path);
    }
}
