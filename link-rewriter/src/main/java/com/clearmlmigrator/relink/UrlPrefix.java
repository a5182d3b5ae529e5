package com.clearmlmigrator.relink;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * An absolute URL or storage URL that stored references start with, such as {@code http://files.old.lan:8081/} or
 * {@code s3://bucket/prefix/}.
 *
 * @param text         the prefix as given
 * @param originLength length of the scheme and authority ({@code http://files.old.lan:8081}), compared without case
 */
public record UrlPrefix(String text, int originLength) {
    /** The schemes ClearML stores artifacts under. */
    public static final List<String> SCHEMES = List.of("http", "https", "s3", "gs", "azure", "file");

    private static final int MAX_LENGTH = 2048;

    /**
     * Parses and checks a prefix.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static UrlPrefix parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "Field '" + field + "' is required, for example http://files.old.lan:8081/.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Field '" + field + "' is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            // A path may hold what a URL cannot (file:///mnt/my data/): ClearML stores it so, and a quoted copy is
            // checked.
            uri = new URI(UrlSpellings.checkable(text));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Field '" + field + "' is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("Field '" + field + "' must be an absolute URL with one of the schemes "
                    + String.join(", ", SCHEMES) + ", for example http://files.old.lan:8081/ or s3://bucket/.");
        }
        boolean fileUrl = scheme.equals("file");
        if (!fileUrl && (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty())) {
            throw new IllegalArgumentException("Field '" + field + "' needs a host or bucket after " + scheme + "://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Field '" + field
                    + "' must not contain credentials; the stored URLs do not" + " carry them either.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Field '" + field + "' must not have a query or fragment.");
        }
        int origin = scheme.length()
                + 3
                + (uri.getRawAuthority() == null ? 0 : uri.getRawAuthority().length());
        return new UrlPrefix(text, origin);
    }

    public boolean endsWithSlash() {
        return text.endsWith("/");
    }

    /** The prefix without its trailing slash: what is matched and replaced. */
    public String base() {
        return endsWithSlash() ? text.substring(0, text.length() - 1) : text;
    }
}
