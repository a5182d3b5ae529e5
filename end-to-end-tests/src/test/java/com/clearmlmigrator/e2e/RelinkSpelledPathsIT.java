package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.restassured.path.json.JsonPath;

/**
 * A relink of a folder whose name has a space ({@code file:///mnt/my data/}, an NFS share a team writes its outputs to),
 * through the whole system. ClearML stores such a path in two spellings: model URIs and output destinations keep the
 * space, debug-image URLs quote it ({@code my%20data}). The relink is given the folder as typed, rewrites both, each
 * in its own spelling, in MongoDB and Elasticsearch (plots too), and its undo puts every value back.
 */
@OnRunningSystem
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelinkSpelledPathsIT {
    private static final String COMPANY = "5b1e11ed0000000000000000000000aa";
    private static final String DEBUG_IMAGES = "events-training_debug_image-" + COMPANY;
    private static final String PLOTS = "events-plot-" + COMPANY;
    private static final String DATABASE = "backend_spelled_paths";
    private static final String OLD = "file:///mnt/my data";
    private static final String NEW = "file:///mnt/new data";

    private static ElasticHttp es7;
    private static Map<String, JsonNode> debugImagesBefore;
    private static Map<String, JsonNode> plotsBefore;
    private static String relink;

    @BeforeAll
    static void seedBothSpellings() {
        es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        es7.put(
                "/" + DEBUG_IMAGES,
                "{\"mappings\":{\"properties\":{\"url\":{\"type\":\"keyword\"},\"task\":{\"type\":\"keyword\"}}}}");
        es7.put(
                "/" + DEBUG_IMAGES + "/_doc/quoted",
                "{\"task\":\"t1\",\"url\":\"" + quoted("/P/t.1/metrics/m_1.png") + "\"}");
        es7.put("/" + DEBUG_IMAGES + "/_doc/alike", "{\"task\":\"t1\",\"url\":\"" + OLD + "2/P/t.1/m_2.png\"}");
        String plot = "{\\\"data\\\":[{\\\"x\\\":\\\"" + OLD + "/P/a.csv\\\"},{\\\"y\\\":\\\"" + quoted("/P/b.png")
                + "\\\"}]}";
        es7.put("/" + PLOTS + "/_doc/plot?refresh=true", "{\"task\":\"t1\",\"plot_str\":\"" + plot + "\"}");
        es7.post("/" + DEBUG_IMAGES + "/_refresh", "{}");
        debugImagesBefore = es7.documents(DEBUG_IMAGES);
        plotsBefore = es7.documents(PLOTS);
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            client.getDatabase(DATABASE)
                    .getCollection("model")
                    .insertMany(List.of(
                            new Document("_id", "typed").append("uri", OLD + "/P/t.1/models/a.pt"),
                            new Document("_id", "quoted").append("uri", quoted("/P/t.1/models/b.pt"))));
        }
    }

    @AfterAll
    static void removeTheSeeds() {
        es7.delete("/" + DEBUG_IMAGES);
        es7.delete("/" + PLOTS);
        RunningSystem.dropDatabase(DATABASE);
    }

    @Test
    @Order(1)
    void bothSpellingsAreRewrittenEachInItsOwnAndAFolderThatOnlyStartsAlikeIsLeftAlone() {
        relink = Migrations.submit(request());

        JsonPath migration = Migrations.awaitFinal(relink);

        assertThat(migration.getString("status")).as(migration.prettify()).isEqualTo("SUCCEEDED");
        assertThat(url("quoted")).isEqualTo(NEW.replace(" ", "%20") + "/P/t.1/metrics/m_1.png");
        assertThat(url("alike")).isEqualTo(OLD + "2/P/t.1/m_2.png");
        assertThat(es7.documents(PLOTS).get("plot").at("/_source/plot_str").asText())
                .contains(NEW + "/P/a.csv")
                .contains(NEW.replace(" ", "%20") + "/P/b.png")
                .doesNotContain("my data/")
                .doesNotContain("my%20data/");
        assertThat(modelUris())
                .containsExactly(NEW + "/P/t.1/models/a.pt", NEW.replace(" ", "%20") + "/P/t.1/models/b.pt");
        JsonPath report = Migrations.report(relink);
        assertThat(report.getInt("targets.find { it.target == 'model' }.fields.find { it.field == 'uri' }.changed"))
                .isEqualTo(2);
        assertThat(report.getInt("targets.find { it.target == '" + DEBUG_IMAGES
                        + "' }.fields.find { it.field == 'url' }.changed"))
                .isEqualTo(1);
        for (String count : List.of("failed", "conflicts", "remaining")) {
            assertThat(report.getList("targets.fields.flatten()." + count, Integer.class))
                    .as(count)
                    .containsOnly(0);
        }
    }

    @Test
    @Order(2)
    void theUndoPutsBothSpellingsBack() {
        Migrations.undoAndAwait(relink);

        assertThat(es7.documents(DEBUG_IMAGES)).isEqualTo(debugImagesBefore);
        assertThat(es7.documents(PLOTS)).isEqualTo(plotsBefore);
        assertThat(modelUris()).containsExactly(OLD + "/P/t.1/models/a.pt", quoted("/P/t.1/models/b.pt"));
    }

    private static String request() {
        return "{\"kind\":\"relink\",\"from\":\"" + OLD + "/\",\"to\":\"" + NEW + "/\","
                + "\"mongo\":{\"uri\":\"" + RunningSystem.ports().mongoUri() + "\",\"database\":\"" + DATABASE + "\"},"
                + Migrations.elastic(RunningSystem.ports().elastic7Url()) + "}";
    }

    /** The old folder as ClearML spells it in a debug-image URL, followed by {@code path}. */
    private static String quoted(String path) {
        return OLD.replace(" ", "%20") + path;
    }

    private static String url(String id) {
        return es7.documents(DEBUG_IMAGES).get(id).at("/_source/url").asText();
    }

    private static List<String> modelUris() {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            return client.getDatabase(DATABASE)
                    .getCollection("model")
                    .find()
                    .sort(new Document("_id", -1))
                    .map(model -> model.getString("uri"))
                    .into(new java.util.ArrayList<>());
        }
    }
}
