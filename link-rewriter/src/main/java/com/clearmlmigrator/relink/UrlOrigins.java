package com.clearmlmigrator.relink;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The origin a stored reference starts with, as an operator names it in a relink's {@code from}: scheme and authority,
 * plus the bucket where the authority is only the storage server ({@code s3://minio.lan:9000/bucket}, as ClearML
 * writes MinIO and other S3-compatible stores) and the container for Azure ({@code
 * azure://account.blob.core.windows.net/container}). A plain {@code s3://bucket} or {@code gs://bucket} is the bucket
 * already.
 */
public final class UrlOrigins {
    /** A URL of one of ClearML's schemes inside free text, up to the first character a URL in JSON or markdown ends at. */
    private static final Pattern IN_TEXT =
            Pattern.compile("(?i)\\b(?:https?|s3|gs|azure|file)://[^\\s\"'<>()\\[\\]{}\\\\,|`]+");

    private UrlOrigins() {}

    /** The origin of a value that is one URL; empty when it is not a URL of ClearML's schemes. */
    public static Optional<String> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd <= 0) {
            return Optional.empty();
        }
        String scheme = trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!UrlPrefix.SCHEMES.contains(scheme)) {
            return Optional.empty();
        }
        String rest = trimmed.substring(schemeEnd + 3);
        String authority = firstSegment(rest);
        String path = rest.substring(authority.length());
        boolean bucketInPath = scheme.equals("azure")
                || scheme.equals("file")
                || (scheme.equals("s3") || scheme.equals("gs")) && authority.contains(":");
        String origin = scheme + "://" + authority.toLowerCase(Locale.ROOT);
        if (bucketInPath) {
            String bucket = firstSegment(path.startsWith("/") ? path.substring(1) : path);
            if (!bucket.isEmpty()) {
                origin += "/" + bucket;
            }
        }
        return Optional.of(origin);
    }

    /** Calls {@code each} with the origin of every URL in a free text (markdown, JSON, a plot). */
    public static void inText(String text, Consumer<String> each) {
        if (text == null || text.indexOf("://") < 0) {
            return;
        }
        Matcher urls = IN_TEXT.matcher(text);
        while (urls.find()) {
            of(urls.group()).ifPresent(each);
        }
    }

    private static String firstSegment(String text) {
        int end = 0;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(0, end);
    }
}
