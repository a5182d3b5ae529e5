package com.clearmlmigrator.relink;

import static com.clearmlmigrator.relink.FieldRule.ValueKind.AZURE_CONTAINER;
import static com.clearmlmigrator.relink.FieldRule.ValueKind.GS_BUCKET;
import static com.clearmlmigrator.relink.FieldRule.ValueKind.S3_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BucketEntriesTest {
    private static final Map<String, Object> MINIO =
            Map.of("bucket", "clearml", "host", "minio.old:9000", "key", "k", "secret", "s");
    private static final Map<String, Object> AWS = Map.of("bucket", "old-bucket", "host", "", "region", "eu-west-1");

    @Test
    void entriesStandForThePrefixesClearmlsSdkMatchesUrlsAgainst() {
        assertThat(BucketEntries.location(S3_BUCKET, MINIO)).contains("s3://minio.old:9000/clearml");
        assertThat(BucketEntries.location(S3_BUCKET, AWS)).contains("s3://old-bucket");
        assertThat(BucketEntries.location(GS_BUCKET, Map.of("bucket", "b", "subdir", "clearml/runs")))
                .contains("gs://b/clearml/runs");
        assertThat(BucketEntries.location(AZURE_CONTAINER, Map.of("account_name", "acct", "container_name", "c")))
                .contains("azure://acct.blob.core.windows.net/c");
        assertThat(BucketEntries.location(AZURE_CONTAINER, Map.of("account_name", "acct")))
                .as("every container of the account")
                .contains("azure://acct.blob.core.windows.net");
        assertThat(BucketEntries.location(S3_BUCKET, Map.of("host", "minio:9000")))
                .as("no bucket: nothing to match")
                .isEmpty();
    }

    @Test
    void aNewLocationChangesOnlyTheFieldsThatDiffer() {
        assertThat(BucketEntries.changes(S3_BUCKET, MINIO, "s3://minio.new:9000/clearml"))
                .contains(Map.of("host", "minio.new:9000"));
        assertThat(BucketEntries.changes(S3_BUCKET, AWS, "s3://new-bucket")).contains(Map.of("bucket", "new-bucket"));
        assertThat(BucketEntries.changes(S3_BUCKET, AWS, "s3://new-bucket/clearml"))
                .as("a bucket with a folder, as ClearML's own entries may name")
                .contains(Map.of("bucket", "new-bucket/clearml"));
        assertThat(BucketEntries.changes(GS_BUCKET, Map.of("bucket", "b", "subdir", "x"), "gs://b2/x"))
                .contains(Map.of("bucket", "b2"));
        assertThat(BucketEntries.changes(
                        AZURE_CONTAINER,
                        Map.of("account_name", "old", "container_name", "c"),
                        "azure://new.blob.core.windows.net/c"))
                .contains(Map.of("account_name", "new"));
    }

    @Test
    void anS3EntryChangesShapeAsClearmlTellsAMinioEndpointFromABucket() {
        assertThat(BucketEntries.changes(S3_BUCKET, AWS, "s3://minio.new:9000/clearml"))
                .as("AWS to MinIO: a port names a host")
                .contains(Map.of("host", "minio.new:9000", "bucket", "clearml"));
        assertThat(BucketEntries.changes(S3_BUCKET, MINIO, "s3://aws-bucket"))
                .as("MinIO to AWS: no path is left for a bucket")
                .contains(Map.of("host", "", "bucket", "aws-bucket"));
    }

    @Test
    void aLocationNoEntryCanHoldIsRefused() {
        assertThat(BucketEntries.changes(S3_BUCKET, MINIO, "s3://minio.new:9000/clearml/deeper"))
                .as("a host's bucket with a folder")
                .isEqualTo(Optional.empty());
        assertThat(BucketEntries.changes(
                        AZURE_CONTAINER, Map.of("account_name", "old"), "azure://127.0.0.1:10000/devstoreaccount1"))
                .as("not a blob host")
                .isEmpty();
        assertThat(BucketEntries.changes(S3_BUCKET, AWS, "gs://new-bucket"))
                .as("an S3 entry cannot name a Google bucket")
                .isEmpty();
    }
}
