package com.clearmlmigrator.cli.files;

import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;

import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.clearmlmigrator.stores.TrustedAuthorities;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** S3 clients for buckets of state files, on AWS or on another S3 server (MinIO, Ceph, SeaweedFS). */
public final class S3Clients {
    /** The services' variable: one CA file for every TLS connection of the migrator. */
    static final String CA_FILE_VARIABLE = "MIGRATOR_TLS_CA_FILE";

    private S3Clients() {}

    /**
     * A client with the credentials of the AWS chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, an
     * instance's role).
     *
     * @param endpoint the S3 server, null for AWS
     * @param region   null for the AWS chain's (us-east-1 where it has none), or us-east-1 on another server, which
     *     takes any (asking the chain there could wait on an instance's metadata service that is not there)
     */
    public static S3Client create(URI endpoint, String region) {
        return create(endpoint, region, DefaultCredentialsProvider.builder().build());
    }

    /**
     * A client for a bucket as ClearML reaches it: with the credentials its {@code clearml.conf} names for the bucket
     * when given, on the server ClearML's URI names ({@code s3://host:port/bucket}, HTTPS unless the credentials say
     * {@code secure: false}); {@code endpoint} and {@code region}, when given, come first.
     */
    public static S3Client forBucket(
            BucketLocation location, Optional<ClearmlConf.S3Credentials> conf, URI endpoint, String region) {
        URI server = endpoint;
        if (server == null && location.host() != null) {
            boolean secure = conf.map(ClearmlConf.S3Credentials::secure).orElse(true);
            server = URI.create((secure ? "https://" : "http://") + location.host());
        }
        String regionOf = region != null
                ? region
                : conf.map(ClearmlConf.S3Credentials::region)
                        .filter(r -> !r.isBlank())
                        .orElse(null);
        AwsCredentialsProvider credentials = conf.<AwsCredentialsProvider>map(
                        c -> StaticCredentialsProvider.create(AwsBasicCredentials.create(c.key(), c.secret())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        return create(server, regionOf, credentials);
    }

    static S3Client create(URI endpoint, String region, AwsCredentialsProvider credentials) {
        return create(endpoint, region, credentials, caFileOfEnvironment());
    }

    /**
     * @param caFile a PEM file of CAs trusted besides the JVM's, as the services take {@code MIGRATOR_TLS_CA_FILE}: an
     *     S3 server on a company network (MinIO, Ceph) often has a certificate the company's own CA signed
     */
    static S3Client create(URI endpoint, String region, AwsCredentialsProvider credentials, Optional<Path> caFile) {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
        caFile.ifPresent(file -> {
            X509TrustManager trusted = trustManager(file);
            http.tlsTrustManagersProvider(() -> new TrustManager[] {trusted});
        });
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(http.build())
                .credentialsProvider(credentials)
                .region(region != null ? Region.of(region) : endpoint != null ? Region.US_EAST_1 : chainRegion())
                // Checksums only where S3 requires them: servers other than AWS refuse the newer trailing ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // And there (a multi-object delete) as Content-MD5 too, as the SDK sent it before 2.30: S3 servers such
                // as Ceph's RADOS Gateway refuse the delete without it (400 InvalidRequest).
                .addPlugin(LegacyMd5Plugin.create())
                // A state file is uploaded whole, its payload signed as one: no aws-chunked body, which S3 servers
                // other than AWS take unevenly (S3Proxy 3.3 answers before reading the closing chunk, then resets the
                // connection under the client's last write; Google Cloud Storage's XML API has no chunked signing).
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (endpoint != null) {
            // MinIO and the like serve buckets as paths: http://host:9000/bucket/key.
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }

    private static Optional<Path> caFileOfEnvironment() {
        return Optional.ofNullable(System.getenv(CA_FILE_VARIABLE))
                .filter(file -> !file.isBlank())
                .map(Path::of);
    }

    private static X509TrustManager trustManager(Path caFile) {
        try {
            return TrustedAuthorities.trustManager(caFile);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static Region chainRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }
}
