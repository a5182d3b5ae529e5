package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Dataset state files in a bucket, relinked and restored through a real S3 server over HTTP. */
class DatasetBucketIT {
    private static final String OLD = "s3://old-bucket";
    private static final String NEW = "s3://new-bucket";
    private static final String BUCKET = "new-bucket";
    private static final String IMAGES = "vision/.datasets/images/images.a1/artifacts/state/state.json";
    private static final String TEXTS = "nlp/.datasets/texts/texts.c3/artifacts/state/state.json";

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

    /** A state file as ClearML's SDK writes it (json.dumps, sorted keys, an indent of 4). */
    private static String state(String id, String... links) {
        StringBuilder entries = new StringBuilder();
        for (String link : links) {
            entries.append(entries.length() == 0 ? "" : ",\n")
                    .append("        {\n            \"link\": \"")
                    .append(link)
                    .append("\",\n            \"size\": 100\n        }");
        }
        return "{\n    \"dataset_file_entries\": [],\n    \"dataset_link_entries\": [\n" + entries + "\n    ],\n"
                + "    \"id\": \"" + id + "\"\n}";
    }

    private static void put(String key, String text) {
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(text));
    }

    private static String get(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String();
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream()
                .map(S3Object::key)
                .forEach(keys::add);
        return keys;
    }

    private static DatasetBucket bucket(String uri) {
        return DatasetBucket.at(s3, BucketLocation.parse(uri), "--dataset-bucket " + uri);
    }

    @Test
    void theStateFilesInTheBucketAreRelinkedTheirOriginalsKeptInItAndUndoGivesThemBackToTheByte() {
        String images = state("a1", OLD + "/raw/f0.csv", "s3://old-bucket-2/f1.csv", NEW + "/raw/f2.csv");
        String texts = state("c3", OLD + "/corpus/a.txt");
        put("clearml/" + IMAGES, images);
        put("clearml/" + TEXTS, texts);
        put("clearml/vision/.datasets/images/images.a1/artifacts/data/dataset.a1.zip", "zip bytes");
        put("elsewhere/" + IMAGES, images);

        StateFilesReport relinked;
        try (DatasetBucket place = bucket("s3://new-bucket/clearml")) {
            relinked = new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }

        assertThat(relinked.files()).isEqualTo(2);
        assertThat(relinked.changed()).isEqualTo(2);
        assertThat(relinked.links()).isEqualTo(2);
        assertThat(relinked.already()).isEqualTo(1);
        assertThat(relinked.problems()).isEmpty();
        assertThat(get("clearml/" + IMAGES)).isEqualTo(images.replace(OLD + "/raw/f0.csv", NEW + "/raw/f0.csv"));
        assertThat(get("clearml/" + TEXTS)).isEqualTo(texts.replace(OLD + "/", NEW + "/"));
        assertThat(get("elsewhere/" + IMAGES)).isEqualTo(images);
        assertThat(get("clearml/.clearml-migrator/relink-m1/originals/" + IMAGES))
                .isEqualTo(images);
        assertThat(relinked.relinkLines())
                .contains("  Their originals are kept in s3://new-bucket/clearml/.clearml-migrator/; `undo` with"
                        + " --dataset-bucket s3://new-bucket/clearml restores them.");

        StateFilesReport undone;
        try (DatasetBucket place = bucket("s3://new-bucket/clearml")) {
            undone = new StateFilesRelink(place).undo("m1");
        }

        assertThat(undone.changed()).isEqualTo(2);
        assertThat(undone.problems()).isEmpty();
        assertThat(get("clearml/" + IMAGES)).isEqualTo(images);
        assertThat(get("clearml/" + TEXTS)).isEqualTo(texts);
    }

    /** More changed files than one S3 request deletes (1,000 keys), so that forgetting takes several. */
    @Test
    void forgettingARelinksJournalRemovesEveryObjectOfItButItsMarkAndUndoThenSaysSo() {
        put("clearml/" + IMAGES, state("a1", OLD + "/raw/f0.csv"));
        put("clearml/" + TEXTS, state("c3", OLD + "/corpus/a.txt"));
        try (DatasetBucket place = bucket("s3://new-bucket/clearml")) {
            assertThat(new StateFilesRelink(place).relink("m1", OLD, NEW, false).changed())
                    .isEqualTo(2);
        }
        String journal = "clearml/.clearml-migrator/relink-m1/";
        // As a relink of a thousand more files would have kept them; put directly, as relinking them takes half a
        // minute.
        IntStream.range(0, 1_000).parallel().forEach(i -> put(journal + "originals/p/d" + i + "/state.json", "{}"));
        long journalBytes = s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(journal)).contents().stream()
                .mapToLong(S3Object::size)
                .sum();

        StateFilesForgetting forgotten;
        try (DatasetBucket place = bucket("s3://new-bucket/clearml")) {
            forgotten = StateFilesForgetting.in(place, "m1", false, Instant.parse("2026-12-06T18:00:00Z"));
        }

        assertThat(forgotten.problem()).isNull();
        assertThat(forgotten.kept()).isEqualTo(new StateFileJournal.Kept(1_002, journalBytes));
        assertThat(forgotten.lines().get(0))
                .startsWith("Dataset state files under s3://new-bucket/clearml/: the journal of relink m1 is forgotten:"
                        + " 1002 originals (")
                .endsWith(") removed in s3://new-bucket/clearml/.clearml-migrator/relink-m1/.");
        assertThat(keys().stream().filter(key -> key.startsWith(journal))).containsExactly(journal + "forgotten");
        assertThat(get("clearml/" + TEXTS)).contains(NEW + "/corpus/a.txt");

        StateFilesReport undone;
        try (DatasetBucket place = bucket("s3://new-bucket/clearml")) {
            undone = new StateFilesRelink(place).undo("m1");
        }
        assertThat(undone.changed()).isZero();
        assertThat(undone.problems())
                .containsExactly("its journal was forgotten on 2026-12-06T18:00:00Z (`forget`): the files keep the"
                        + " relink's links");
        assertThat(get("clearml/" + TEXTS)).contains(NEW + "/corpus/a.txt");
    }

    @Test
    void aRelinkRunAgainChangesNothingAndDoesNotTakeTheKeptOriginalsForStateFiles() {
        put(IMAGES, state("a1", OLD + "/raw/f0.csv"));
        try (DatasetBucket place = bucket("s3://new-bucket")) {
            new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }

        StateFilesReport again;
        try (DatasetBucket place = bucket("s3://new-bucket")) {
            again = new StateFilesRelink(place).relink("m2", OLD, NEW, false);
        }

        assertThat(again.files()).isEqualTo(1);
        assertThat(again.changed()).isZero();
        assertThat(again.already()).isEqualTo(1);
        assertThat(keys()).noneMatch(key -> key.startsWith(".clearml-migrator/relink-m2/"));
    }

    @Test
    void aDryRunCountsAndWritesNothingToTheBucket() {
        String images = state("a1", OLD + "/raw/f0.csv");
        put(IMAGES, images);

        StateFilesReport report;
        try (DatasetBucket place = bucket("s3://new-bucket/")) {
            report = new StateFilesRelink(place).relink("m1", OLD, NEW, true);
        }

        assertThat(report.links()).isEqualTo(1);
        assertThat(get(IMAGES)).isEqualTo(images);
        assertThat(keys()).containsExactly(IMAGES);
    }

    @Test
    void aStateFileUploadedAgainWhileItIsRelinkedKeepsThatUploadAndIsNamed() {
        put(IMAGES, state("a1", OLD + "/raw/f0.csv"));
        String uploadedMeanwhile = state("a1", OLD + "/raw/new.csv");
        StateFilesReport report;
        try (DatasetBucket place = new DatasetBucket(
                s3,
                BucketLocation.parse("s3://new-bucket"),
                "--dataset-bucket s3://new-bucket",
                name -> put(name, uploadedMeanwhile))) {
            report = new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }

        assertThat(get(IMAGES)).isEqualTo(uploadedMeanwhile);
        assertThat(report.changed()).isZero();
        assertThat(report.problems())
                .containsExactly(IMAGES + ": written while it was relinked (is ClearML still running?); left as it is,"
                        + " run the relink again");
        try (DatasetBucket place = bucket("s3://new-bucket")) {
            assertThat(new StateFilesRelink(place).undo("m1").files()).isZero();
        }
    }

    @Test
    void anUndoLeavesAStateFileUploadedSinceTheRelinkAndNamesIt() {
        put(IMAGES, state("a1", OLD + "/raw/f0.csv"));
        try (DatasetBucket place = bucket("s3://new-bucket")) {
            new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }
        String uploadedSince = state("a1", NEW + "/raw/f0.csv", NEW + "/raw/more.csv");
        put(IMAGES, uploadedSince);

        StateFilesReport undone;
        try (DatasetBucket place = bucket("s3://new-bucket")) {
            undone = new StateFilesRelink(place).undo("m1");
        }

        assertThat(get(IMAGES)).isEqualTo(uploadedSince);
        assertThat(undone.problems())
                .containsExactly(IMAGES + ": changed since the relink (the dataset was written again?)");
    }

    @Test
    void folderMarkersAsS3ConsolesMakeThemAreNotTakenForChangedFiles() {
        String images = state("a1", OLD + "/raw/f0.csv");
        put(IMAGES, images);
        try (DatasetBucket place = bucket("s3://new-bucket")) {
            new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }
        put(".clearml-migrator/relink-m1/changes/vision/", "");
        put(".clearml-migrator/relink-m1/changes/vision/.datasets/", "");

        StateFilesReport undone;
        try (DatasetBucket place = bucket("s3://new-bucket")) {
            undone = new StateFilesRelink(place).undo("m1");
        }

        assertThat(undone.files()).isEqualTo(1);
        assertThat(undone.changed()).isEqualTo(1);
        assertThat(undone.already()).isZero();
        assertThat(get(IMAGES)).isEqualTo(images);
    }

    @Test
    void theCensusCountsTheBucketsLinksByOrigin() {
        put(IMAGES, state("a1", OLD + "/raw/f0.csv", OLD + "/raw/f1.csv", "http://files:8081/x.png"));
        put(TEXTS, "not json");

        StateFilesCensus census;
        try (DatasetBucket place = bucket("s3://new-bucket")) {
            census = new StateFilesRelink(place).census();
        }

        assertThat(census.files()).isEqualTo(2);
        assertThat(census.origins()).containsOnly(entry(OLD, 2L), entry("http://files:8081", 1L));
        assertThat(census.problems()).singleElement().asString().startsWith(TEXTS + ": not JSON");
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
                        client, BucketLocation.parse("s3://etagless"), "--dataset-bucket s3://etagless", name -> {
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
    void aBucketThatIsNotThereIsRefusedWithWhatToCheck() {
        assertThatThrownBy(() -> bucket("s3://no-such-bucket/clearml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no bucket no-such-bucket (check its name, and --s3-endpoint for a server other"
                        + " than AWS)");
    }

    @Test
    void credentialsTheServerDoesNotTakeAreRefusedWithoutBeingPrinted() {
        try (S3Client wrong = server.client(InJvmS3Server.ACCESS_KEY, "not-the-secret")) {
            assertThatThrownBy(() -> DatasetBucket.at(wrong, BucketLocation.parse("s3://new-bucket"), "-"))
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
}
