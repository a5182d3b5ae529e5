package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import io.restassured.path.json.JsonPath;

/**
 * A MinIO endpoint that moves (ClearML server 1.17+ on the same S3-compatible store, new host): the model URIs name
 * it, and so does the company's storage settings entry that gives the server its credentials for the bucket. Without
 * {@code storage-settings} included, inspect names the entry's origin as opt-in and the relink leaves the entry
 * alone; with it, the entry gets the new host and keeps its credentials, and the undo puts the old host back.
 */
@OnRunningSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelinkStorageSettingsIT {
    private static final String DATABASE = "backend_storage_settings";
    private static final String OLD = "s3://minio.old.lan:9000";
    private static final String NEW = "s3://minio.new.lan:9000";

    private static String relink;

    @BeforeAll
    static void seedAMinioBucketAndItsSettings() {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            var database = client.getDatabase(DATABASE);
            database.getCollection("model")
                    .insertOne(new Document("_id", "m1").append("uri", OLD + "/clearml/P/t.1/models/a.pt"));
            database.getCollection("storage_settings")
                    .insertOne(new Document("_id", "s1")
                            .append("company", "c1")
                            .append(
                                    "aws",
                                    new Document("key", "default-key")
                                            .append(
                                                    "buckets",
                                                    List.of(
                                                            bucket("clearml", "minio.old.lan:9000"),
                                                            bucket("clearml", "minio.elsewhere.lan:9000")))));
        }
    }

    @AfterAll
    static void removeTheSeeds() {
        RunningSystem.dropDatabase(DATABASE);
    }

    @Test
    @Order(1)
    void inspectNamesTheEntrysOriginAsOptIn() {
        String inspect = Migrations.submit("{\"kind\":\"inspect\"," + mongo() + "}");
        Migrations.awaitEnded(inspect, "SUCCEEDED");

        JsonPath report = Migrations.report(inspect);

        // A MinIO origin goes down to the bucket, as the SDK matches an endpoint's buckets one by one.
        assertThat(report.getMap("urlPrefixes.find { it.prefix == '" + OLD + "/clearml' }.optIn"))
                .as(report.prettify())
                .containsEntry("storage_settings: aws.buckets.*", "storage-settings")
                .doesNotContainKey("model: uri");
    }

    @Test
    @Order(2)
    void withoutTheGroupTheEntryIsLeftAndWithItItGetsTheNewHostAndKeepsItsCredentials() {
        Migrations.awaitEnded(Migrations.submit(request(false)), "SUCCEEDED");
        assertThat(hosts()).containsExactly("minio.old.lan:9000", "minio.elsewhere.lan:9000");

        relink = Migrations.submit(request(true));

        Migrations.awaitEnded(relink, "SUCCEEDED");
        assertThat(hosts()).containsExactly("minio.new.lan:9000", "minio.elsewhere.lan:9000");
        assertThat(buckets().get(0).getString("secret")).isEqualTo("secret-of-clearml");
        JsonPath report = Migrations.report(relink);
        assertThat(report.getInt("targets.find { it.target == 'storage_settings' }.fields"
                        + ".find { it.field == 'aws.buckets.*' }.changed"))
                .isEqualTo(1);
        assertThat(report.getInt("targets.find { it.target == 'model' }.fields.find { it.field == 'uri' }.alreadyNew"))
                .as("the model URI the run without the group relinked")
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void theUndoPutsTheOldHostBack() {
        Migrations.undoAndAwait(relink);

        assertThat(hosts()).containsExactly("minio.old.lan:9000", "minio.elsewhere.lan:9000");
    }

    private static Document bucket(String name, String host) {
        return new Document("bucket", name)
                .append("host", host)
                .append("key", "key-of-" + name)
                .append("secret", "secret-of-" + name)
                .append("secure", false);
    }

    private static List<String> hosts() {
        return buckets().stream().map(b -> b.getString("host")).toList();
    }

    private static List<Document> buckets() {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            Document settings = client.getDatabase(DATABASE)
                    .getCollection("storage_settings")
                    .find(Filters.eq("_id", "s1"))
                    .first();
            return settings.get("aws", Document.class).getList("buckets", Document.class);
        }
    }

    private static String mongo() {
        return "\"mongo\":{\"uri\":\"" + RunningSystem.ports().mongoUri() + "\",\"database\":\"" + DATABASE + "\"}";
    }

    private static String request(boolean storageSettings) {
        return "{\"kind\":\"relink\",\"from\":\"" + OLD + "/\",\"to\":\"" + NEW + "/\"," + mongo()
                + (storageSettings ? ",\"include\":[\"storage-settings\"]" : "") + "}";
    }
}
