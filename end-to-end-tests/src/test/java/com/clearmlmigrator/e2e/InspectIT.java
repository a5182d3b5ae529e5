package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.Migrations.elastic;
import static com.clearmlmigrator.e2e.Migrations.mongo;
import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.EventDataset;
import com.clearmlmigrator.synthetic.EventDocument;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.Plots;

import io.restassured.path.json.JsonPath;

/** The pre-flight inspect through the whole system: REST, planner, Kafka, both workers, real stores. */
@OnRunningSystem
class InspectIT {

    @Test
    @SuppressWarnings("unchecked")
    void inspectsMongoAndAnEs56ClusterOfTheOldEra() {
        String id = Migrations.submit(
                "{\"kind\":\"inspect\"," + mongo(RunningSystem.ports().mongoUri()) + ","
                        + elastic(RunningSystem.ports().elastic5Url()) + "}");

        JsonPath migration = Migrations.awaitFinal(id);
        JsonPath report = Migrations.report(id);

        Map<String, List<Map<String, Object>>> seeded = new MongoDataset(RunningSystem.WORLD).collections();
        Map<String, Long> expectedIndices = documentsPerIndex(ElasticEra.ES5);
        assertThat(migration.getString("status")).isEqualTo("SUCCEEDED");
        Map<String, List<Map<String, Object>>> auth = new MongoDataset(RunningSystem.WORLD).authCollections();
        assertThat(migration.getInt("tasks.total")).isEqualTo(seeded.size() + auth.size() + expectedIndices.size());
        // Its plan counted what each collection and index held, which the inspection then counted: it ends at 100%.
        assertThat(migration.getList("progress.documentsPlanned", Long.class))
                .doesNotContainNull()
                .isEqualTo(migration.getList("progress.documents", Long.class));
        assertThat(report.getString("mongo.serverVersion")).isNotBlank();
        assertThat(report.getList("mongo.databases", String.class)).containsExactly("backend", "auth");
        Map<String, Long> expectedCollections = new TreeMap<>();
        seeded.forEach((name, docs) -> expectedCollections.put("backend." + name, (long) docs.size()));
        auth.forEach((name, docs) -> expectedCollections.put("auth." + name, (long) docs.size()));
        assertThat(documentsByName(report, "mongo.collections", "collection")).isEqualTo(expectedCollections);
        Map<String, Object> tasks = entry(report, "mongo.collections", "collection", "task");
        long legacy = seeded.get("task").stream()
                .filter(t -> ((Map<?, ?>) t.get("execution")).get("artifacts") instanceof List)
                .count();
        assertThat(numbers(tasks.get("shapes")))
                .containsEntry("artifacts-as-list", (int) legacy)
                .containsEntry("artifacts-as-map", (int) (seeded.get("task").size() - legacy));

        assertThat(report.getString("elastic.serverVersion")).isEqualTo("5.6.16");
        assertThat(documentsByName(report, "elastic.indices", "index")).isEqualTo(expectedIndices);
        String company = RunningSystem.WORLD.companies().get(0).id();
        Map<String, Object> debugImages =
                entry(report, "elastic.indices", "index", "events-training_debug_image-" + company);
        assertThat(debugImages.get("routingRequired")).isEqualTo(true);
        assertThat(strings(debugImages.get("mappingTypes"))).contains("event");
        assertThat(strings(debugImages.get("urlFields"))).containsExactly("url");
        // The census: the test's own counts of values that start with the old file server.
        assertThat(census(tasks))
                .containsEntry("execution.artifacts.*.uri " + ORIGIN, artifactUris(seeded.get("task")));
        assertThat(census(debugImages))
                .containsEntry(
                        "url " + ORIGIN,
                        events(ElasticEra.ES5, debugImages.get("index")).stream()
                                .filter(e ->
                                        String.valueOf(e.source().get("url")).startsWith(ExpectedRelink.OLD))
                                .count());
        Map<String, Object> fileServer = report.getList("urlPrefixes", Map.class).stream()
                .filter(p -> ORIGIN.equals(p.get("prefix")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(ORIGIN + " is missing from urlPrefixes"));
        assertThat(((Number) fileServer.get("mongo")).longValue()).isPositive();
        assertThat(((Number) fileServer.get("elastic")).longValue()).isPositive();
        assertThat(((Map<String, Object>) fileServer.get("fields")))
                .containsKeys("task: execution.artifacts.*.uri", "events-training_debug_image-*: url");
        // What a relink leaves alone unless told: the operator reads beside the field what to add to the relink.
        assertThat(((Map<String, Object>) fileServer.get("optIn")))
                .containsEntry("task: configuration.*.value", "configuration")
                .doesNotContainKeys("task: execution.artifacts.*.uri", "events-training_debug_image-*: url");
        Map<String, Object> workerStats =
                entry(report, "elastic.indices", "index", "worker_stats_" + company + "_2020-08");
        assertThat(strings(workerStats.get("mappingTypes"))).containsExactly("stat");
        assertThat(workerStats.get("routingRequired")).isEqualTo(false);
    }

    @Test
    void inspectsAnEs7ClusterWithTypelessIndicesAndCompressedPlots() {
        String id = Migrations.submit(
                "{\"kind\":\"inspect\"," + elastic(RunningSystem.ports().elastic7Url()) + "}");

        JsonPath migration = Migrations.awaitFinal(id);
        JsonPath report = Migrations.report(id);

        assertThat(migration.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(report.getString("elastic.serverVersion")).isEqualTo("7.10.2");
        assertThat(report.getMap("mongo")).isNull();
        assertThat(documentsByName(report, "elastic.indices", "index")).isEqualTo(documentsPerIndex(ElasticEra.ES7));
        Map<String, Object> plots = entry(
                report,
                "elastic.indices",
                "index",
                "events-plot-" + RunningSystem.WORLD.companies().get(0).id());
        assertThat(strings(plots.get("mappingTypes"))).isEmpty();
        assertThat(plots.get("routingRequired")).isEqualTo(false);
        assertThat(strings(plots.get("urlFields"))).containsExactly("plot_str", "plot_data");
        // Inside compressed plots too, counted by the test in the plots it seeded.
        List<EventDocument> seededPlots = events(ElasticEra.ES7, plots.get("index"));
        long compressed = seededPlots.stream()
                .filter(e -> e.source().get("plot_data") instanceof String)
                .mapToLong(e -> occurrences(Plots.decompress((String) e.source().get("plot_data"))))
                .sum();
        long plain = seededPlots.stream()
                .filter(e -> e.source().get("plot_str") instanceof String)
                .mapToLong(e -> occurrences((String) e.source().get("plot_str")))
                .sum();
        assertThat(compressed).as("the seeded world has compressed plots").isPositive();
        assertThat(census(plots)).containsEntry("plot_data " + ORIGIN, compressed);
        if (plain > 0) {
            assertThat(census(plots)).containsEntry("plot_str " + ORIGIN, plain);
        }
        assertThat(plots.get("unreadablePlots")).isEqualTo(0);
    }

    /**
     * An index whose primary is not open (held unassigned here by an allocation filter, as a lost shard leaves it) has
     * no statistics: it was reported as empty, its references missing from the census. Now its inspection fails,
     * naming it, and the other indices are inspected.
     */
    @Test
    void aRedIndexIsNamedAsUnreadableNotReportedEmpty() {
        String red = "events-log-red-" + RunningSystem.WORLD.companies().get(0).id();
        ElasticHttp es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        // Not waiting for a primary that cannot be assigned: the create would wait 30 s for it (as it did, each run).
        es7.put(
                "/" + red + "?wait_for_active_shards=0",
                "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0,"
                        + "\"index.routing.allocation.require._name\":\"nowhere\"}}");
        try {
            String id = Migrations.submit(
                    "{\"kind\":\"inspect\"," + elastic(RunningSystem.ports().elastic7Url()) + "}");

            JsonPath migration = Migrations.awaitFinal(id);
            JsonPath report = Migrations.report(id);

            assertThat(migration.getString("status")).isEqualTo("COMPLETED_WITH_ERRORS");
            assertThat(report.getList("failures.reason", String.class)).containsExactly("BAD_INPUT");
            assertThat(report.getString("failures[0].detail"))
                    .contains("Index " + red + " is red")
                    .contains("neither counted nor read");
            assertThat(documentsByName(report, "elastic.indices", "index"))
                    .isEqualTo(documentsPerIndex(ElasticEra.ES7));
        } finally {
            es7.delete("/" + red);
        }
    }

    @Test
    void unreachableHostFailsTheMigrationWithItsNameAndTheServicesKeepRunning() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String id = Migrations.submit("{\"kind\":\"inspect\"," + elastic("http://127.0.0.1:" + closedPort) + "}");

        JsonPath migration = Migrations.awaitFinal(id);

        assertThat(migration.getString("status")).isEqualTo("FAILED");
        assertThat(migration.getString("error"))
                .contains("127.0.0.1:" + closedPort)
                .contains("unreachable");
        given().get("/q/health/ready").then().statusCode(200);
        String again = Migrations.submit(
                "{\"kind\":\"inspect\"," + elastic(RunningSystem.ports().elastic7Url()) + "}");
        assertThat(Migrations.awaitFinal(again).getString("status")).isEqualTo("SUCCEEDED");
    }

    /** The old file server as the census names it: scheme and authority. */
    private static final String ORIGIN = ExpectedRelink.OLD.substring(0, ExpectedRelink.OLD.length() - 1);

    /** The old file server's URLs in a text, ended as a URL in JSON or markdown ends, not a longer port or host. */
    private static final Pattern ORIGIN_IN_TEXT = Pattern.compile(Pattern.quote(ORIGIN) + "(?=[/\"'?#)\\s]|$)");

    /** An inspected collection's or index's census as {@code "field prefix" -> references}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> census(Map<String, Object> inspected) {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> count : (List<Map<String, Object>>) inspected.get("urlPrefixes")) {
            counts.put(count.get("field") + " " + count.get("prefix"), ((Number) count.get("references")).longValue());
        }
        return counts;
    }

    private static long artifactUris(List<Map<String, Object>> tasks) {
        return tasks.stream()
                .map(task -> ((Map<?, ?>) task.get("execution")).get("artifacts"))
                .flatMap(artifacts ->
                        artifacts instanceof Map<?, ?> byKey ? byKey.values().stream() : ((List<?>) artifacts).stream())
                .filter(artifact ->
                        String.valueOf(((Map<?, ?>) artifact).get("uri")).startsWith(ExpectedRelink.OLD))
                .count();
    }

    private static List<EventDocument> events(ElasticEra era, Object index) {
        return new EventDataset(RunningSystem.WORLD, era)
                .documents().stream().filter(e -> e.index().equals(index)).toList();
    }

    private static long occurrences(String text) {
        return ORIGIN_IN_TEXT.matcher(text).results().count();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object jsonArray) {
        return (List<String>) jsonArray;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> numbers(Object jsonObject) {
        return (Map<String, Integer>) jsonObject;
    }

    private static Map<String, Long> documentsPerIndex(ElasticEra era) {
        return new EventDataset(RunningSystem.WORLD, era)
                .documents().stream()
                        .collect(Collectors.groupingBy(EventDocument::index, TreeMap::new, Collectors.counting()));
    }

    /** Documents per entry, named {@code database.collection} for collections and by name for indices. */
    private static Map<String, Long> documentsByName(JsonPath report, String listPath, String nameField) {
        List<Map<String, Object>> entries = report.getList(listPath);
        Map<String, Long> documents = new TreeMap<>();
        for (Map<String, Object> e : entries) {
            String name =
                    e.containsKey("database") ? e.get("database") + "." + e.get(nameField) : (String) e.get(nameField);
            documents.put(name, ((Number) e.get("documents")).longValue());
        }
        return documents;
    }

    private static Map<String, Object> entry(JsonPath report, String listPath, String nameField, String name) {
        List<Map<String, Object>> entries = report.getList(listPath);
        return entries.stream()
                .filter(e -> name.equals(e.get(nameField)) && !"auth".equals(e.get("database")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is missing from " + listPath));
    }
}
