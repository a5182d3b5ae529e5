package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.ExpectedRelink.NEW;
import static com.clearmlmigrator.e2e.ExpectedRelink.OLD;
import static com.clearmlmigrator.e2e.ExpectedRelink.RELINK;
import static com.clearmlmigrator.e2e.Migrations.elastic;
import static com.clearmlmigrator.e2e.Migrations.mongo;
import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.clearmlmigrator.synthetic.MongoDataset;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.restassured.path.json.JsonPath;

/**
 * Relink through the whole system on both eras, compared document by document with the test's own oracle: a dry run
 * changes nothing; a relink whose new prefix extends the old one (values already under it stay as they are) changes
 * exactly the specified values and nothing else, reports a unique-index collision instead of failing, keeps ES 5.6
 * routing, and verifies that only the refused value still references the old prefix; replaying every task afterwards changes nothing;
 * undo restores every original document exactly; the opt-in groups and an extra field rewrite exactly their values.
 */
@OnRunningSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelinkIT {
    private static StackStores before;
    private static String collidingId;
    private static String dryRunId;
    private static List<String> relinks = new java.util.ArrayList<>();

    @Test
    @Order(1)
    void dryRunReportsWhatWouldChangeAndWritesNothing() {
        plantAUrlToDeleteCollision();
        before = StackStores.now();

        String id = Migrations.submit(
                "{" + RELINK + ",\"dryRun\":true," + mongo(RunningSystem.ports().mongoUri()) + ","
                        + elastic(RunningSystem.ports().elastic5Url()) + "}");
        dryRunId = id;

        assertThat(Migrations.awaitFinal(id).getString("status")).isEqualTo("SUCCEEDED");
        JsonPath report = Migrations.report(id);
        assertThat(report.getBoolean("dryRun")).isTrue();
        String debugImages = StoreSnapshot.indices(before.es5(), "events-training_debug_image-")
                .get(0);
        assertThat(tally(report, debugImages, "url", "matched"))
                .isEqualTo(before.es5().get(debugImages).size());
        assertThat(tally(report, debugImages, "url", "changed")).isZero();
        // The check after the work finds the references through the index (a regexp on the keyword field).
        assertThat(tally(report, debugImages, "url", "remaining"))
                .isEqualTo(before.es5().get(debugImages).size());
        assertThat(report.getList("targets.samples.flatten().after", String.class))
                .allMatch(s -> s.contains("files.old.lan:8081/moved"));
        assertThat(StackStores.now()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void relinkChangesExactlyTheSpecifiedValuesInMongoAndEs56() throws Exception {
        Map<String, String> routingBefore = StoreSnapshot.routing(
                RunningSystem.ports().elastic5Url(),
                StoreSnapshot.indices(before.es5(), "events-plot-").get(0));

        String id = Migrations.submit(
                "{" + RELINK + "," + mongo(RunningSystem.ports().mongoUri()) + ","
                        + elastic(RunningSystem.ports().elastic5Url()) + "}");
        relinks.add(id);

        JsonPath migration = Migrations.awaitFinal(id);
        assertThat(migration.getString("status")).isEqualTo("SUCCEEDED");
        assertMongoAsExpected();
        RelinkAssertions.assertElasticAsExpected(RunningSystem.ports().elastic5Url(), before.es5());
        assertThat(StoreSnapshot.routing(
                        RunningSystem.ports().elastic5Url(),
                        StoreSnapshot.indices(before.es5(), "events-plot-").get(0)))
                .isEqualTo(routingBefore);
        JsonPath report = Migrations.report(id);
        // Verification finds exactly the one value the unique index refused; everything else references the new prefix.
        assertThat(report.getList("targets.fields.flatten().remaining", Integer.class).stream()
                        .mapToInt(n -> n)
                        .sum())
                .isEqualTo(1);
        assertThat(tally(report, "url_to_delete", "url", "remaining")).isEqualTo(1);
        assertThat(report.getList("targets.fields.flatten().failed", Integer.class))
                .allMatch(n -> n == 0);
        assertThat(tally(report, "url_to_delete", "url", "conflicts")).isEqualTo(1);
        try (var reports =
                java.nio.file.Files.list(RunningSystem.stack().stateDir().resolve("reports"))) {
            assertThat(reports.map(f -> f.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("relink-") && name.endsWith("-" + id + ".json"));
        }
        assertThat(report.getList("targets.find { it.target == 'url_to_delete' }.issues.documentId", String.class))
                .containsExactly(collidingId);
    }

    @Test
    @Order(3)
    void relinkRewritesInsideCompressedPlotsOnEs7() {
        String id = Migrations.submit(
                "{" + RELINK + "," + elastic(RunningSystem.ports().elastic7Url()) + "}");
        relinks.add(id);

        assertThat(Migrations.awaitFinal(id).getString("status")).isEqualTo("SUCCEEDED");
        RelinkAssertions.assertElasticAsExpected(RunningSystem.ports().elastic7Url(), before.es7());
        JsonPath report = Migrations.report(id);
        String plots = StoreSnapshot.indices(before.es7(), "events-plot-").get(0);
        assertThat(tally(report, plots, "plot_data", "changed")).isPositive();
        assertThat(tally(report, plots, "plot_data", "remaining")).isZero();
    }

    /**
     * An operator unsure whether the relink ran submits it again: the new prefix extends the old one, so every value
     * the first relink wrote still starts with the old prefix, and must stay as it is. The report counts those values
     * as already under the new prefix, which tells the operator the first one ran.
     */
    @Test
    @Order(4)
    void theSameRelinkSubmittedAgainChangesNothing() {
        StackStores relinked = StackStores.now();

        String again = Migrations.submit(
                "{" + RELINK + "," + mongo(RunningSystem.ports().mongoUri()) + ","
                        + elastic(RunningSystem.ports().elastic7Url()) + "}");

        assertThat(Migrations.awaitFinal(again).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(Migrations.changedValues(again)).isZero();
        assertThat(Migrations.report(again).getList("targets.fields.flatten().alreadyNew", Integer.class))
                .as("references found under the new prefix")
                .anyMatch(n -> n > 0);
        assertThat(StackStores.now()).isEqualTo(relinked);
    }

    @Test
    @Order(5)
    void replayingEveryTaskChangesNothing() throws Exception {
        StackStores after = StackStores.now();
        String oldUrl =
                (String) after.mongo().get("url_to_delete").get(collidingId).get("url");

        TaskReplay.replayAndAwaitResults(RunningSystem.ports().kafkaBootstrap(), relinks);

        StackStores replayed = StackStores.now();
        // The write the unique index refused is retried by a replay, as its journal entry says it is still to apply.
        // Real MongoDB refuses it again while the twin exists; the wire server let it through in our runs. Either way
        // it is rewritten at most once, never twice.
        String retried = (String)
                replayed.mongo().get("url_to_delete").remove(collidingId).get("url");
        assertThat(retried).isIn(oldUrl, NEW + oldUrl.substring(OLD.length()));
        after.mongo().get("url_to_delete").remove(collidingId);
        assertThat(replayed).isEqualTo(after);
    }

    @Test
    @Order(6)
    void undoRestoresEveryOriginalDocumentExactly() {
        given().post("/migrations/" + dryRunId + "/undo")
                .then()
                .statusCode(409)
                .body("error", org.hamcrest.Matchers.containsString("was a dry run"));

        for (String relink : relinks) {
            String undo = Migrations.undoAndAwait(relink);
            // Its plan counted the journal's entries of each collection and index, the documents it then restored.
            JsonPath undone =
                    given().get("/migrations/" + undo).then().extract().jsonPath();
            assertThat(undone.getList("progress.documentsPlanned", Long.class))
                    .doesNotContainNull()
                    .isEqualTo(undone.getList("progress.documents", Long.class));
            assertThat(Migrations.report(undo).getList("targets.fields.flatten().conflicts", Integer.class))
                    .allMatch(n -> n == 0);
            given().post("/migrations/" + relink + "/undo")
                    .then()
                    .statusCode(409)
                    .body("error", org.hamcrest.Matchers.containsString("was undone by migration " + undo));
        }

        assertThat(StackStores.now()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void aRelinksTasksDeliveredAgainAfterItsUndoLeaveWhatTheUndoRestored() throws Exception {
        StackStores undone = StackStores.now();

        // As Kafka may, after a rebalance or a crash before the offsets were committed: the relinks ended and were
        // undone, and their tasks arrive again.
        TaskReplay.replayAndAwaitResults(RunningSystem.ports().kafkaBootstrap(), relinks);

        assertThat(StackStores.now()).isEqualTo(undone);
    }

    @Test
    @Order(8)
    void includeGroupsAndExtraFieldsRewriteTheirValuesAndUndoRestoresThem() {
        plantAHyperDatasetFrame();
        StackStores start = StackStores.now();

        String id = Migrations.submit("{" + RELINK + "," + ExpectedGroupRelink.INCLUDE_ALL + ","
                + ExpectedGroupRelink.EXTRA_FIELDS + ","
                + mongo(RunningSystem.ports().mongoUri()) + ","
                + elastic(RunningSystem.ports().elastic7Url()) + "}");

        assertThat(Migrations.awaitFinal(id).getString("status")).isEqualTo("SUCCEEDED");
        assertMongoAsExpected(start.mongo(), ExpectedGroupRelink::mongo);
        RelinkAssertions.assertElasticAsExpected(
                RunningSystem.ports().elastic7Url(), start.es7(), ExpectedGroupRelink::elastic);
        JsonPath report = Migrations.report(id);
        assertThat(tally(report, ExpectedGroupRelink.EXTRA_COLLECTION, "meta.preview", "changed"))
                .isEqualTo(1);
        assertThat(tally(report, "queue", "metadata.*.value", "changed")).isPositive();
        assertThat(tally(
                        report,
                        StoreSnapshot.indices(start.es7(), "events-log-").get(0),
                        "msg",
                        "changed"))
                .isPositive();

        Migrations.undoAndAwait(id);
        assertThat(StackStores.now()).isEqualTo(start);
    }

    @Test
    @Order(9)
    void aClosedIndexToRelinkFailsThePlanBeforeAnythingChanges() {
        String closed = "events-training_debug_image-closed-for-relink";

        assertARelinkOfEs7WithThisIndexFailsItsPlanSaying(
                closed,
                es7 -> es7.post("/" + closed + "/_close", null),
                "1 ClearML index to relink that cannot be read whole: " + closed + " (closed)",
                "_open");
    }

    /**
     * The migrator's copy write-blocks each source index it has verified: a relink of that old cluster is refused
     * before it changes anything, rather than paused half-way with the other indices rewritten.
     */
    @Test
    @Order(10)
    void aWriteBlockedIndexToRelinkFailsThePlanBeforeAnythingChanges() {
        String sealed = "events-training_debug_image-sealed-for-relink";

        assertARelinkOfEs7WithThisIndexFailsItsPlanSaying(
                sealed,
                es7 -> es7.put("/" + sealed + "/_settings", "{\"index.blocks.write\":true}"),
                "1 ClearML index to relink with a write block: " + sealed + " (index.blocks.write)",
                "relink that one",
                "nothing was changed");
    }

    /**
     * With an empty index of this name on the stack's ES 7, made as {@code made} says, a relink of the cluster fails its
     * plan with these sentences, before any task, and changes nothing; the index is deleted afterwards.
     */
    private static void assertARelinkOfEs7WithThisIndexFailsItsPlanSaying(
            String index, Consumer<ElasticHttp> made, String... sentences) {
        ElasticHttp es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        es7.put("/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
        made.accept(es7);
        try {
            Map<String, Map<String, Map<String, Object>>> before =
                    StoreSnapshot.elastic(RunningSystem.ports().elastic7Url());

            String id = Migrations.submit(
                    "{" + RELINK + "," + elastic(RunningSystem.ports().elastic7Url()) + "}");
            JsonPath migration = Migrations.awaitFinal(id);

            assertThat(migration.getString("status")).isEqualTo("FAILED");
            assertThat(migration.getString("error")).contains(sentences);
            assertThat(migration.getInt("tasks.total")).isZero();
            assertThat(StoreSnapshot.elastic(RunningSystem.ports().elastic7Url()))
                    .isEqualTo(before);
        } finally {
            es7.delete("/" + index);
        }
    }

    /** Leaves url_to_delete as the other tests expect it: without the planted twin and its unique index. */
    @AfterAll
    static void removeThePlantedCollision() {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            var urls = client.getDatabase(MongoDataset.DATABASE).getCollection("url_to_delete");
            urls.deleteOne(new Document("_id", "planted-collision"));
            urls.dropIndex(Indexes.ascending("company", "url"));
            client.getDatabase(MongoDataset.DATABASE)
                    .getCollection(ExpectedGroupRelink.EXTRA_COLLECTION)
                    .drop();
        }
    }

    /**
     * A collection ClearML's default fields do not know, like a Hyper-Dataset's frames: relinked only through
     * {@code extraFields}. Its other text holds the old prefix too and must stay.
     */
    private static void plantAHyperDatasetFrame() {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            client.getDatabase(MongoDataset.DATABASE)
                    .getCollection(ExpectedGroupRelink.EXTRA_COLLECTION)
                    .insertOne(new Document("_id", "frame-1")
                            .append("meta", new Document("preview", OLD + "frames/1.png"))
                            .append("notes", "copied from " + OLD + "frames/1.png"));
        }
    }

    /**
     * ClearML's url_to_delete is unique on (company, url). A pending deletion that already has the new URL makes the
     * relink of its twin collide: reported for that document, the rest of the migration unaffected.
     */
    private static void plantAUrlToDeleteCollision() {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            var urls = client.getDatabase(MongoDataset.DATABASE).getCollection("url_to_delete");
            urls.createIndex(Indexes.ascending("company", "url"), new IndexOptions().unique(true));
            Document twin = urls.find().first();
            collidingId = twin.getString("_id");
            String newUrl = NEW + twin.getString("url").substring(OLD.length());
            urls.insertOne(new Document("_id", "planted-collision")
                    .append("company", twin.getString("company"))
                    .append("url", newUrl));
        }
    }

    private static void assertMongoAsExpected() {
        assertMongoAsExpected(before.mongo(), ExpectedRelink::mongo);
    }

    /** The planted collision's twin is refused by the unique index, so it keeps its value. */
    private static void assertMongoAsExpected(
            Map<String, Map<String, Map<String, Object>>> before,
            BiFunction<String, Map<String, Object>, Map<String, Object>> oracle) {
        RelinkAssertions.assertAllAsExpected(
                before,
                StoreSnapshot.mongo(RunningSystem.ports().mongoUri(), MongoDataset.DATABASE),
                (collection, doc) -> collection.equals("url_to_delete") && collidingId.equals(doc.get("_id"))
                        ? ExpectedRelink.deepCopy(doc)
                        : oracle.apply(collection, doc),
                ExpectedRelink::deepCopy);
    }

    private static int tally(JsonPath report, String target, String field, String count) {
        return report.getInt(
                "targets.find { it.target == '" + target + "' }.fields.find { it.field == '" + field + "' }." + count);
    }
}
