package com.clearmlmigrator.cli.files;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the command reaches the buckets and containers datasets were uploaded to: ClearML's configuration when given,
 * the S3 server and region, the Azure Blob service, and the environment the credentials may be in.
 *
 * @param conf          ClearML's {@code clearml.conf}, when given
 * @param s3Endpoint    the S3 server when it is not AWS, or null
 * @param s3Region      the buckets' region, or null
 * @param azureEndpoint the Azure Blob service when it is not {@code https://ACCOUNT.blob.core.windows.net}, or null
 * @param environment   where {@code AZURE_STORAGE_ACCOUNT} and {@code AZURE_STORAGE_KEY} are looked for
 */
public record BucketAccess(
        Optional<ClearmlConf> conf,
        URI s3Endpoint,
        String s3Region,
        URI azureEndpoint,
        Map<String, String> environment) {
    /**
     * The bucket or container at {@code uri} ({@code s3://...} or {@code azure://...}), looked into once before anything
     * is submitted.
     *
     * @param option the command-line option that names it, for an undo
     * @throws IllegalArgumentException with a sentence for the operator when it is no such address, no credentials are
     *     found for it, or it cannot be listed
     */
    public DatasetBucket open(String uri, String option) {
        if (isAzure(uri)) {
            ContainerLocation location = ContainerLocation.parse(uri);
            return DatasetBucket.at(
                    AzureBlobs.at(AzureContainers.forContainer(location, conf, azureEndpoint, environment), location),
                    option);
        }
        BucketLocation location = BucketLocation.parse(uri);
        return DatasetBucket.at(
                S3Objects.at(
                        S3Clients.forBucket(location, conf.flatMap(c -> c.forBucket(location)), s3Endpoint, s3Region),
                        location),
                option);
    }

    /** Whether the address names an Azure container rather than an S3 bucket. */
    public static boolean isAzure(String uri) {
        return uri.strip().toLowerCase(Locale.ROOT).startsWith("azure://");
    }
}
