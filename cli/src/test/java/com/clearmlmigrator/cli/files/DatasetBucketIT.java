package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Dataset state files in a bucket, relinked and restored through a real S3 server over HTTP. */
class DatasetBucketIT extends StateFilesInAStore {
    private static final String BUCKET = "new-bucket";

    private static InJvmS3Server server;
    private static S3Client s3;

    @BeforeAll
    static void startS3() throws Exception {
        server = new InJvmS3Server();
        s3 = server.client();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
        server.close();
    }

    @BeforeEach
    void emptyBucket() {
        if (s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(BUCKET))) {
            s3.listObjectsV2Paginator(r -> r.bucket(BUCKET))
                    .contents()
                    .forEach(o -> s3.deleteObject(r -> r.bucket(BUCKET).key(o.key())));
        } else {
            s3.createBucket(r -> r.bucket(BUCKET));
        }
    }

    /** One S3 request deletes 1,000 keys. */
    @Override
    int keptOriginals() {
        return 1_000;
    }

    @Override
    String root() {
        return "s3://" + BUCKET;
    }

    @Override
    ObjectStore open(String uri) {
        return S3Objects.at(s3, BucketLocation.parse(uri));
    }

    @Override
    void put(String key, String text) {
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(text));
    }

    @Override
    String get(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String();
    }

    @Override
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream()
                .map(S3Object::key)
                .forEach(keys::add);
        return keys;
    }

    @Override
    long bytesUnder(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream()
                .mapToLong(S3Object::size)
                .sum();
    }

    @Test
    void objectsTheServerGivesNoEtagForAreComparedByContentBeforeTheyAreReplaced(@TempDir Path folder)
            throws Exception {
        Path images = folder.resolve("etagless/" + IMAGES);
        Path texts = folder.resolve("etagless/" + TEXTS);
        String imagesBefore = state("a1", OLD + "/raw/f0.csv");
        String textsWrittenMeanwhile = state("c3", OLD + "/corpus/new.txt");
        Files.createDirectories(images.getParent());
        Files.createDirectories(texts.getParent());
        Files.writeString(images, imagesBefore);
        Files.writeString(texts, state("c3", OLD + "/corpus/a.txt"));
        StateFilesReport report;
        try (InJvmS3Server files = new InJvmS3Server(folder);
                S3Client client = files.client();
                DatasetBucket place = new DatasetBucket(
                        new S3Objects(client, BucketLocation.parse("s3://etagless")),
                        "--dataset-bucket s3://etagless",
                        name -> {
                            if (name.equals(TEXTS)) {
                                writeString(texts, textsWrittenMeanwhile); // by hand again: still no ETag
                            }
                        })) {
            assertThat(client.headObject(r -> r.bucket("etagless").key(IMAGES)).eTag())
                    .isNull();

            report = new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }

        assertThat(Files.readString(images)).isEqualTo(imagesBefore.replace(OLD, NEW));
        assertThat(Files.readString(texts)).isEqualTo(textsWrittenMeanwhile);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.problems())
                .containsExactly(TEXTS + ": written while it was relinked (is ClearML still running?); left as it is,"
                        + " run the relink again");
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aThousandKeysGoInOneMultiObjectDeleteThatTheServerTakes() {
        List<ObjectIdentifier> thousand = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            put("many/" + i, "x");
            thousand.add(ObjectIdentifier.builder().key("many/" + i).build());
        }

        DeleteObjectsResponse answer = s3.deleteObjects(
                r -> r.bucket(BUCKET).delete(d -> d.objects(thousand).quiet(true)));

        assertThat(answer.errors()).isEmpty();
        assertThat(keys()).noneMatch(key -> key.startsWith("many/"));
    }

    /** A forget run again after it stopped midway asks for keys it deleted the first time. */
    @Test
    void aKeyGoneAlreadyCountsAsDeleted() throws Exception {
        put("j/here.json", "{}");
        try (ObjectStore store = open(root())) {
            store.delete(List.of("j/gone.json", "j/here.json"));
        }
        assertThat(keys()).noneMatch(key -> key.startsWith("j/"));
    }

    @Test
    void aBucketThatIsNotThereIsRefusedWithWhatToCheck() {
        assertThatThrownBy(() -> open("s3://no-such-bucket/clearml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no bucket no-such-bucket (check its name, and --s3-endpoint for a server other"
                        + " than AWS)");
    }

    @Test
    void credentialsTheServerDoesNotTakeAreRefusedWithoutBeingPrinted() {
        try (S3Client wrong = server.client(InJvmS3Server.ACCESS_KEY, "not-the-secret")) {
            assertThatThrownBy(() -> S3Objects.at(wrong, BucketLocation.parse("s3://new-bucket")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("S3 did not take the credentials (SignatureDoesNotMatch)")
                    .hasMessageNotContaining("not-the-secret")
                    .hasMessageNotContaining(InJvmS3Server.ACCESS_KEY);
        }
    }

    @Test
    void anAddressThatIsNotABucketIsRefusedWithHowToWriteOne() {
        assertThatThrownBy(() -> BucketLocation.parse("/opt/clearml/data/fileserver"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'/opt/clearml/data/fileserver' is not a bucket: give it as s3://BUCKET");
        assertThat(BucketLocation.parse("s3://b/clearml/datasets").prefix()).isEqualTo("clearml/datasets/");
        assertThat(BucketLocation.parse("s3://b").prefix()).isEmpty();
    }

    @Test
    void aGoogleCloudStorageAddressIsRefusedWithWhatToDoInstead() {
        assertThatThrownBy(() -> BucketLocation.parse("gs://ml-artifacts/clearml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'gs://ml-artifacts/clearml' is in Google Cloud Storage, where this command does not reach"
                        + " dataset state files: leave --dataset-bucket out (MongoDB and Elasticsearch are relinked all"
                        + " the same), or copy that folder to this host, relink the copy with --fileserver-folder and copy it"
                        + " back.");
    }
}
