package com.clearmlmigrator.synthetic;

import java.net.URI;
import java.util.Map;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Uploads files to a bucket on an S3 server (the dev stack's, MinIO), making the bucket if it is not there; credentials
 * from the AWS chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).
 */
final class BucketSeeder {
    private final URI endpoint;

    BucketSeeder(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** @param bucketUri {@code s3://bucket} or {@code s3://bucket/folder}; the files' names go below it */
    int seed(String bucketUri, Map<String, byte[]> files) {
        URI uri = URI.create(bucketUri);
        String bucket = uri.getAuthority();
        String folder = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                // Bodies whole, not aws-chunked: S3Proxy 3.3 resets the connection under a chunked body's closing
                // chunk.
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        try (S3Client s3 = builder.build()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(request -> request.bucket(bucket));
            }
            files.forEach((name, content) ->
                    s3.putObject(request -> request.bucket(bucket).key(prefix + name), RequestBody.fromBytes(content)));
        }
        return files.size();
    }
}
