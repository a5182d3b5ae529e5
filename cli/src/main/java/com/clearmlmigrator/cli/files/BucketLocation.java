package com.clearmlmigrator.cli.files;

import java.net.URI;

/**
 * A bucket, and the folder in it, that datasets were uploaded to: the start of a dataset's {@code output_uri}, as
 * ClearML writes it: {@code s3://ml-artifacts/clearml} on AWS, {@code s3://minio:9000/ml-artifacts/clearml} on another
 * S3 server.
 *
 * @param host   the S3 server's host and port, as ClearML's URI names it; null for AWS
 * @param bucket the bucket's name
 * @param prefix the folder in it, empty or ending with /
 */
public record BucketLocation(String host, String bucket, String prefix) {
    /** @throws IllegalArgumentException with a sentence for the operator when {@code uri} is no {@code s3://} address */
    public static BucketLocation parse(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw notABucket(uri);
        }
        if ("gs".equalsIgnoreCase(parsed.getScheme())) {
            throw onGoogleCloudStorage(uri);
        }
        if (!"s3".equalsIgnoreCase(parsed.getScheme())
                || parsed.getAuthority() == null
                || parsed.getAuthority().isBlank()) {
            throw notABucket(uri);
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath().replaceAll("^/+", "");
        if (parsed.getPort() < 0) {
            return new BucketLocation(null, parsed.getAuthority(), folder(path));
        }
        // ClearML's spelling on MinIO and the like: the server first, then the bucket.
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        if (bucket.isEmpty()) {
            throw notABucket(uri);
        }
        return new BucketLocation(parsed.getAuthority(), bucket, folder(slash < 0 ? "" : path.substring(slash + 1)));
    }

    private static String folder(String path) {
        return path.isEmpty() || path.endsWith("/") ? path : path + "/";
    }

    private static IllegalArgumentException notABucket(String uri) {
        return new IllegalArgumentException("'" + uri + "' is not a bucket: give it as s3://BUCKET or"
                + " s3://BUCKET/FOLDER, the start of the datasets' output_uri (s3://HOST:PORT/BUCKET/FOLDER on MinIO and"
                + " other S3 servers; azure://ACCOUNT.blob.core.windows.net/CONTAINER/FOLDER on Azure).");
    }

    private static IllegalArgumentException onGoogleCloudStorage(String uri) {
        return new IllegalArgumentException(
                "'" + uri + "' is in Google Cloud Storage, where this command does not reach"
                        + " dataset state files: leave --dataset-bucket out (MongoDB and Elasticsearch are relinked all the"
                        + " same), or copy that folder to this host, relink the copy with --fileserver-folder and copy it back.");
    }

    @Override
    public String toString() {
        return "s3://" + (host == null ? "" : host + "/") + bucket + "/" + prefix;
    }
}
