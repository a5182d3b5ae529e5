package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Datasets uploaded to a bucket: the command relinks the links in their state files there (on the stack's S3 server, as
 * on MinIO) while the system relinks the stores, and its undo restores them.
 */
@OnRunningSystem
class StateFilesInBucketIT {
    private static final String DATABASE = "bucket_backend";
    private static final String BUCKET = "e2e-datasets";
    private static final String STATE = "clearml/vision/.datasets/images/images.b1/artifacts/state/state.json";
    private static final String OLD = DatasetSpec.DEFAULT_FILE_SERVER;
    private static final String NEW = "http://files.example.com:8081";

    /** Enough state files that a relink of them takes seconds, so that it is killed mid-way. */
    private static final int KILLED_FILES = 1_000;
    /** The command is killed once its journal holds this many changes. */
    private static final int KILLED_AFTER = 50;

    private static S3Client s3;

    @BeforeAll
    static void aBucketWithADatasetsStateFileAndTheCredentialsForIt() {
        new MongoSeeder(RunningSystem.ports().mongoUri())
                .seed(DATABASE, new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(11, 1, 4))).collections());
        s3 = S3Client.builder()
                .endpointOverride(URI.create(RunningSystem.ports().s3Url()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                // S3 servers other than AWS refuse the SDK's newer trailing checksums, as the command knows.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                // And bodies whole, not aws-chunked, which S3Proxy 3.3 can reset under the closing chunk.
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY)))
                .build();
        if (s3.listBuckets().buckets().stream()
                .noneMatch(bucket -> bucket.name().equals(BUCKET))) {
            s3.createBucket(request -> request.bucket(BUCKET));
        }
        // As the operator gives them, in the environment; the command runs in this JVM, which reads them here.
        System.setProperty("aws.accessKeyId", LocalStack.S3_ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalStack.S3_SECRET_KEY);
    }

    @AfterAll
    static void forgetTheCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        s3.close();
    }

    private static String stateFile() {
        return s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(STATE)).asUtf8String();
    }

    @Test
    void aRelinkMovesTheLinksOfTheStateFilesInTheBucketAndItsUndoPutsThemBack() {
        String before = "{\n    \"dataset_link_entries\": [\n        {\n            \"link\": \"" + OLD
                + "/raw/a.png\",\n            \"size\": 10\n        },\n        {\n            \"link\":"
                + " \"s3://elsewhere/raw/b.png\",\n            \"size\": 20\n        }\n    ],\n    \"id\": \"b1\"\n}";
        s3.putObject(request -> request.bucket(BUCKET).key(STATE), RequestBody.fromString(before));
        String[] bucket = bucketOptions();

        CommandRun relinked = CommandRun.of(relink(bucket));

        assertThat(relinked.code()).as(relinked.out() + relinked.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = relinked.migrationId();
        assertThat(relinked.out())
                .containsSubsequence(
                        "Migration " + id + " accepted",
                        "Dataset state files under s3://" + BUCKET + "/clearml/: 1 read, 1 external-file links in 1 of"
                                + " them changed.",
                        "Migration " + id + " SUCCEEDED.");
        assertThat(stateFile()).isEqualTo(before.replace(OLD + "/raw/a.png", NEW + "/raw/a.png"));
        // The planner was told, so the migration's report (and the dashboard) show the bucket's part too.
        assertThat(CommandRun.of("report", id).out())
                .contains("Dataset state files under s3://" + BUCKET + "/clearml/: 1 read, 1 external-file links in 1"
                        + " of them changed.")
                .contains("`undo` with --dataset-bucket s3://" + BUCKET + "/clearml --s3-endpoint "
                        + RunningSystem.ports().s3Url() + " restores them.");

        CommandRun undo = CommandRun.of(CommandRun.words(new String[] {"undo", id}, bucket));

        assertThat(undo.code()).as(undo.out() + undo.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(undo.out()).contains("s3://" + BUCKET + "/clearml/: 1 of the 1 the relink changed restored.");
        assertThat(stateFile()).isEqualTo(before);
        assertThat(CommandRun.of("report", undo.migrationId()).out())
                .contains("s3://" + BUCKET + "/clearml/: 1 of the 1 the relink changed restored.");
    }

    /**
     * A relink kept for good: {@code forget} takes its originals out of the operator's bucket; the stores' undo works as
     * before, and the bucket's part of it says the journal was forgotten instead of restoring anything.
     */
    @Test
    void aForgottenRelinkKeepsNoOriginalsInTheBucketAndItsUndoSaysSo() {
        String before =
                "{\"dataset_link_entries\": [{\"link\": \"" + OLD + "/raw/c.png\", \"size\": 30}], \"id\": \"b1\"}";
        s3.putObject(request -> request.bucket(BUCKET).key(STATE), RequestBody.fromString(before));
        String[] bucket = bucketOptions();
        CommandRun relinked = CommandRun.of(relink(bucket));
        assertThat(relinked.code()).as(relinked.out() + relinked.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = relinked.migrationId();
        String journal = "clearml/.clearml-migrator/relink-" + id + "/";

        CommandRun looked = CommandRun.of(CommandRun.words(new String[] {"forget", id, "--dry-run"}, bucket));
        assertThat(looked.code()).as(looked.out() + looked.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(looked.out()).contains("relink " + id + " keeps 1 original (");
        assertThat(keysUnder(journal)).contains(journal + "originals/" + STATE.substring("clearml/".length()));

        CommandRun forgotten = CommandRun.of(CommandRun.words(new String[] {"forget", id}, bucket));

        assertThat(forgotten.code()).as(forgotten.out() + forgotten.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(forgotten.out())
                .contains("Dataset state files under s3://" + BUCKET + "/clearml/: the journal of relink " + id
                        + " is forgotten: 1 original (");
        assertThat(keysUnder(journal)).containsExactly(journal + "forgotten");
        CommandRun report = CommandRun.of("report", id);
        assertThat(report.out())
                .as("the relink's report no longer offers an undo of the bucket")
                .contains("  Their originals were forgotten on ")
                .doesNotContain("`undo` with --dataset-bucket");

        CommandRun undo = CommandRun.of(CommandRun.words(new String[] {"undo", id}, bucket));

        assertThat(undo.code()).as(undo.out() + undo.err()).isEqualTo(ExitCode.COMPLETED_WITH_ERRORS);
        assertThat(undo.out())
                .contains("Migration " + undo.migrationId() + " SUCCEEDED.")
                .contains("Dataset state files under s3://" + BUCKET + "/clearml/: none restored.")
                .contains("Left as it is: its journal was forgotten on ");
        assertThat(stateFile()).isEqualTo(before.replace(OLD + "/raw/c.png", NEW + "/raw/c.png"));
    }

    /** The options that name the test's bucket to the command. */
    private static String[] bucketOptions() {
        return new String[] {
            "--dataset-bucket",
            "s3://" + BUCKET + "/clearml",
            "--s3-endpoint",
            RunningSystem.ports().s3Url()
        };
    }

    private static List<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    @Test
    void theCredentialsAndServerOfABucketComeFromClearmlConfGivenTheBucketAsClearmlWritesIt(@TempDir Path folder)
            throws IOException {
        String before = "{\"dataset_link_entries\": [{\"link\": \"" + OLD + "/raw/c.png\"}], \"id\": \"b2\"}";
        String state = "conf/vision/.datasets/labels/labels.b2/artifacts/state/state.json";
        s3.putObject(request -> request.bucket(BUCKET).key(state), RequestBody.fromString(before));
        String host = URI.create(RunningSystem.ports().s3Url()).getAuthority();
        Path conf = Files.writeString(
                folder.resolve("clearml.conf"),
                "sdk.aws.s3 { key: \"\", secret: \"\", credentials: [ { host: \"" + host + "\", key: \""
                        + LocalStack.S3_ACCESS_KEY + "\", secret: \"" + LocalStack.S3_SECRET_KEY
                        + "\", secure: false } ] }");
        // Only the file has them: the AWS chain finds none.
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        try {
            CommandRun relinked = CommandRun.of(relink(
                    "--dataset-bucket", "s3://" + host + "/" + BUCKET + "/conf", "--clearml-conf", conf.toString()));

            assertThat(relinked.code()).as(relinked.out() + relinked.err()).isEqualTo(ExitCode.SUCCEEDED);
            assertThat(relinked.out()).contains("1 read, 1 external-file links in 1 of them changed.");
            assertThat(s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(state))
                            .asUtf8String())
                    .isEqualTo(before.replace(OLD, NEW));
        } finally {
            System.setProperty("aws.accessKeyId", LocalStack.S3_ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", LocalStack.S3_SECRET_KEY);
        }
    }

    @Test
    void anInspectionCountsTheOriginsOfTheBucketsStateFilesAndThePlannerKeepsThemWithIt() {
        String state = "census/vision/.datasets/c/c.c1/artifacts/state/state.json";
        s3.putObject(
                request -> request.bucket(BUCKET).key(state),
                RequestBody.fromString("{\"dataset_link_entries\": [{\"link\": \"" + OLD + "/raw/a.png\"}, {\"link\":"
                        + " \"s3://elsewhere/b.png\"}, {\"link\": \"" + OLD + "/raw/c.png\"}], \"id\": \"c1\"}"));

        CommandRun inspect = CommandRun.of(
                "inspect",
                "--mongo",
                RunningSystem.ports().mongoUri(),
                "--mongo-database",
                DATABASE,
                "--dataset-bucket",
                "s3://" + BUCKET + "/census",
                "--s3-endpoint",
                RunningSystem.ports().s3Url());

        assertThat(inspect.code()).as(inspect.out() + inspect.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = inspect.migrationId();
        var view = given().get("/migrations/" + id).jsonPath();
        assertThat(view.getList("stateFiles.place")).containsExactly("s3://" + BUCKET + "/census/");
        assertThat(view.getList("stateFiles[0].origins.origin")).containsExactly(OLD, "s3://elsewhere");
        assertThat(view.getList("stateFiles[0].origins.links", Integer.class)).containsExactly(2, 1);
        // The report, from any host that reaches the planner, lists them as the command printed them.
        String census = "Dataset state files under s3://" + BUCKET + "/census/: 1 read; their external-file links start"
                + " with (relink them with --dataset-bucket s3://" + BUCKET + "/census";
        assertThat(inspect.out()).contains(census);
        assertThat(CommandRun.of("report", id).out()).contains(census).containsPattern(Pattern.quote(OLD) + " +2");
    }

    /**
     * The command is killed mid-way through a bucket of state files: the planner knows it began there and never told its
     * end, `report` says so, and the undo restores every file from the journal the killed command left in the bucket.
     */
    @Test
    void aRelinkKilledMidWayThroughABucketLeavesItsTraceAndItsUndoRestoresEveryFile() throws Exception {
        Map<String, String> before = IntStream.range(0, KILLED_FILES)
                .parallel()
                .boxed()
                .collect(Collectors.toConcurrentMap(
                        i -> "killed/p/.datasets/d" + i + "/d" + i + ".k" + i + "/artifacts/state/state.json",
                        i -> "{\"dataset_link_entries\": [{\"link\": \"" + OLD + "/raw/" + i + ".png\"}, {\"link\": \""
                                + OLD + "/raw/" + i + ".txt\"}], \"id\": \"k" + i + "\"}"));
        before.entrySet().parallelStream()
                .forEach(file -> s3.putObject(
                        request -> request.bucket(BUCKET).key(file.getKey()), RequestBody.fromString(file.getValue())));
        String[] bucket = {
            "--dataset-bucket",
            "s3://" + BUCKET + "/killed",
            "--s3-endpoint",
            RunningSystem.ports().s3Url()
        };
        String id;
        try (CommandProcess relink = CommandProcess.start(
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        LocalStack.S3_ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY",
                        LocalStack.S3_SECRET_KEY),
                List.of(CommandRun.words(
                        relink(bucket),
                        new String[] {"--planner", RunningSystem.ports().plannerUrl()})))) {
            id = await().atMost(Duration.ofMinutes(1))
                    .until(() -> CommandRun.acceptedId(relink.console()), Optional::isPresent)
                    .orElseThrow();
            String journal = "killed/.clearml-migrator/relink-" + id + "/changes/";
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() ->
                            s3.listObjectsV2(request -> request.bucket(BUCKET).prefix(journal))
                                            .keyCount()
                                    >= KILLED_AFTER);
            relink.kill();
        }
        assertThat(given().get("/migrations/" + id).jsonPath().getList("stateFiles.ended"))
                .as("told as begun, never as ended")
                .containsExactly(false);
        long relinked = before.keySet().stream()
                .filter(key -> s3.getObjectAsBytes(
                                request -> request.bucket(BUCKET).key(key))
                        .asUtf8String()
                        .contains(NEW))
                .count();
        assertThat(relinked).as("files relinked when the command was killed").isLessThan(KILLED_FILES);
        assertThat(CommandRun.of("report", id).out())
                .contains("Dataset state files under s3://" + BUCKET + "/killed/: the relink began there and has not"
                        + " told its end");
        Migrations.awaitEnded(id, "SUCCEEDED");

        CommandRun undo = CommandRun.of(CommandRun.words(new String[] {"undo", id}, bucket));

        assertThat(undo.code()).as(undo.out() + undo.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(undo.out()).contains("the relink changed restored");
        before.forEach((key, content) -> assertThat(
                        s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key))
                                .asUtf8String())
                .as(key)
                .isEqualTo(content));
    }

    @Test
    void aBucketThatIsNotThereIsTheUsageCodeAndSubmitsNothing() {
        String before = Migrations.newest();

        CommandRun relink = CommandRun.of(relink(
                "--dataset-bucket",
                "s3://no-such-datasets",
                "--s3-endpoint",
                RunningSystem.ports().s3Url()));

        assertThat(relink.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(relink.err()).contains("There is no bucket no-such-datasets");
        assertThat(Migrations.newest()).as("nothing was submitted").isEqualTo(before);
    }

    /** A relink of this class's database from the old file server to the new, with {@code more} options. */
    private static String[] relink(String... more) {
        return CommandRun.relink(DATABASE, OLD, NEW, more);
    }
}
