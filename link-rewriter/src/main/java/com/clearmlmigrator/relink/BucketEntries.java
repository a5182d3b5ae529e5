package com.clearmlmigrator.relink;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of ClearML's {@code storage_settings} (server 1.17 and later: per company, the buckets and containers
 * the server reaches with its own credentials, to delete what a deleted task stored) as the locations they stand for,
 * and back. They hold no URL: an S3 entry is a bucket and, for MinIO and other S3-compatible stores, a host. The
 * locations are the prefixes ClearML's SDK matches a URL against ({@code clearml/backend_config/bucket_config.py}):
 * {@code s3://host/bucket} or {@code s3://bucket}, {@code gs://bucket/subdir}, and for Azure
 * {@code azure://account.blob.core.windows.net/container}.
 */
final class BucketEntries {
    private static final String AZURE_HOST = ".blob.core.windows.net";

    private BucketEntries() {}

    /** The location an entry stands for; empty when it names no bucket (or account). */
    static Optional<String> location(FieldRule.ValueKind kind, Map<?, ?> entry) {
        return switch (kind) {
            case S3_BUCKET ->
                named(entry, "bucket")
                        .map(bucket -> "s3://"
                                + named(entry, "host").map(host -> host + "/").orElse("") + bucket);
            case GS_BUCKET ->
                named(entry, "bucket")
                        .map(bucket -> "gs://" + bucket
                                + named(entry, "subdir").map(sub -> "/" + sub).orElse(""));
            case AZURE_CONTAINER ->
                named(entry, "account_name")
                        .map(account -> "azure://" + account + AZURE_HOST
                                + named(entry, "container_name")
                                        .map(c -> "/" + c)
                                        .orElse(""));
            default -> throw new IllegalArgumentException(kind + " is not a storage settings entry");
        };
    }

    /**
     * The fields of {@code entry} that change for it to stand for {@code location}, with their new values; empty when
     * the location cannot be written as such an entry (one of another scheme, an S3 location without a bucket, an
     * Azure one that is not a blob host, a container name with a {@code /}). An S3 entry keeps its shape, host and bucket or bucket alone,
     * unless the new location has a port (a MinIO endpoint, as ClearML tells them apart) or has no path left for a
     * bucket (an S3-compatible store moved to AWS).
     */
    static Optional<Map<String, String>> changes(FieldRule.ValueKind kind, Map<?, ?> entry, String location) {
        String scheme = switch (kind) {
            case S3_BUCKET -> "s3://";
            case GS_BUCKET -> "gs://";
            case AZURE_CONTAINER -> "azure://";
            default -> throw new IllegalArgumentException(kind + " is not a storage settings entry");
        };
        if (!location.toLowerCase(Locale.ROOT).startsWith(scheme)) {
            return Optional.empty();
        }
        return fieldsAt(kind, entry, location.substring(scheme.length())).map(fields -> {
            // An empty value and an absent field are the same to ClearML.
            fields.entrySet()
                    .removeIf(field ->
                            field.getValue().equals(named(entry, field.getKey()).orElse("")));
            return fields;
        });
    }

    /** The fields an entry of this kind has for a place ({@code rest}: the location after its scheme). */
    private static Optional<Map<String, String>> fieldsAt(FieldRule.ValueKind kind, Map<?, ?> entry, String rest) {
        int slash = rest.indexOf('/');
        String netloc = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        Map<String, String> fields = new LinkedHashMap<>();
        switch (kind) {
            case S3_BUCKET -> {
                boolean hostShape =
                        netloc.contains(":") || (named(entry, "host").isPresent() && !path.isEmpty());
                if (hostShape && (path.isEmpty() || path.contains("/"))) {
                    return Optional.empty();
                }
                fields.put("host", hostShape ? netloc : "");
                fields.put("bucket", hostShape ? path : rest);
            }
            case GS_BUCKET -> {
                fields.put("bucket", netloc);
                fields.put("subdir", path);
            }
            case AZURE_CONTAINER -> {
                if (!netloc.toLowerCase(Locale.ROOT).endsWith(AZURE_HOST) || path.contains("/")) {
                    return Optional.empty();
                }
                fields.put("account_name", netloc.substring(0, netloc.length() - AZURE_HOST.length()));
                fields.put("container_name", path);
            }
            default -> throw new IllegalArgumentException(kind + " is not a storage settings entry");
        }
        return Optional.of(fields);
    }

    private static Optional<String> named(Map<?, ?> entry, String field) {
        return entry.get(field) instanceof String value && !value.isEmpty() ? Optional.of(value) : Optional.empty();
    }
}
