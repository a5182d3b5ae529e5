package com.clearmlmigrator.cli.files;

import java.net.URI;

/**
 * A bucket, and the folder in it, that datasets were uploaded to: the start of a dataset's {@code output_uri}, such as
 * {@code s3://ml-artifacts/clearml}.
 *
 * @param bucket the bucket's name
 * @param prefix the folder in it, empty or ending with /
 */
public record BucketLocation(String bucket, String prefix) {
    /** @throws IllegalArgumentException with a sentence for the operator when {@code uri} is no {@code s3://} address */
    public static BucketLocation parse(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw notABucket(uri);
        }
        if (!"s3".equalsIgnoreCase(parsed.getScheme())
                || parsed.getAuthority() == null
                || parsed.getAuthority().isBlank()) {
            throw notABucket(uri);
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath().replaceAll("^/+", "");
        return new BucketLocation(parsed.getAuthority(), path.isEmpty() || path.endsWith("/") ? path : path + "/");
    }

    private static IllegalArgumentException notABucket(String uri) {
        return new IllegalArgumentException("'" + uri + "' is not a bucket: give it as s3://BUCKET or"
                + " s3://BUCKET/FOLDER, the start of the datasets' output_uri (MinIO and other S3 servers too, with"
                + " --s3-endpoint).");
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
