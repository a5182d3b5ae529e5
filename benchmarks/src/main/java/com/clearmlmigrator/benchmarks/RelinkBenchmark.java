package com.clearmlmigrator.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.RepoLayout;
import com.clearmlmigrator.localservers.StackOptions;
import com.clearmlmigrator.localservers.StackPorts;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;
import com.clearmlmigrator.synthetic.ElasticSeeder;
import com.clearmlmigrator.synthetic.EventDataset;
import com.clearmlmigrator.synthetic.EventDocument;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;

/**
 * {@code bin/benchmark-relink}: on a fresh local stack (free ports, its own data), relinks 100k debug-image events and
 * 5k plots on ES 7 and 50k tasks in MongoDB with clearml-migrator, end to end through the REST API, and then runs
 * ClearML's own approach on the same data in the other direction: {@code _update_by_query} painless requests for
 * Elasticsearch and a single-threaded read-modify-write loop for MongoDB. Everything runs twice on fresh data, first on
 * freshly started servers and then on warm ones ({@code -Drounds=N} for N - 1 warm rounds and their median), and every
 * round is printed. Prints the figures; asserts nothing. {@code -DmongoUri=} runs the MongoDB part, and keeps the
 * services' own database, on a real {@code mongod} instead of the wire server.
 */
public final class RelinkBenchmark {
    private static final String FROM = "http://files.old.lan:8081/";
    private static final String TO = "https://files.example.com/";

    private RelinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int debugImages = Integer.parseInt(System.getProperty("debugImages", "100000"));
        int plots = Integer.parseInt(System.getProperty("plots", "5000"));
        int tasks = Integer.parseInt(System.getProperty("tasks", "50000"));
        // Round 1 on freshly started servers, every later one on warm servers.
        int rounds = Math.max(2, Integer.parseInt(System.getProperty("rounds", "2")));
        // A real mongod (for example one run by Docker) for the MongoDB part and the services' own database, in place
        // of the wire server that stands in for it here.
        String realMongo = System.getProperty("mongoUri");
        RepoLayout layout = RepoLayout.locate();
        Path state = Files.createTempDirectory("clearml-migrator-benchmark");
        StackPorts ports = StackPorts.free();
        StackOptions options = new StackOptions("512m", "1g", "3g", "512m", false);
        try (LocalStack stack = new LocalStack(
                layout, ports, realMongo == null ? options : options.withServicesMongo(realMongo), state)) {
            System.out.println("Starting the local stack in " + state + " ...");
            stack.startServers();
            stack.startServices();
            PlannerClient planner = new PlannerClient(ports.plannerUrl());
            try (RssMeter rss = RssMeter.start(stack, RssMeter.SERVICES)) {
                // A size of 0 leaves that store out, to measure the other alone.
                if (debugImages + plots > 0) {
                    elastic(stack, planner, debugImages, plots, rounds);
                }
                if (tasks > 0) {
                    String mongoUri = realMongo == null ? ports.mongoUri() : realMongo;
                    System.out.println("MongoDB: " + String.join(", ", new ConnectionString(mongoUri).getHosts())
                            + (realMongo == null ? " (the wire server)" : ""));
                    mongo(stack, mongoUri, planner, tasks, rounds);
                }
                System.out.println(rss.summary());
            }
        }
    }

    /**
     * Rounds on the same fresh data: the first on freshly started servers (Elasticsearch started again before each
     * side), the others on warm ones, as long-running servers are.
     */
    private static void elastic(LocalStack stack, PlannerClient planner, int debugImages, int plots, int rounds)
            throws Exception {
        double first = elasticRound(stack, planner, debugImages, plots, 1);
        List<Double> warm = new ArrayList<>();
        for (int round = 2; round <= rounds; round++) {
            deleteEventIndices(stack.ports().elastic7Url());
            warm.add(elasticRound(stack, planner, debugImages, plots, round));
        }
        Ratios.printHeadline("ES relink against _update_by_query", first, warm);
    }

    /** Runs both sides on fresh data and returns how many times faster ours was. */
    private static double elasticRound(LocalStack stack, PlannerClient planner, int debugImages, int plots, int number)
            throws Exception {
        StackPorts ports = stack.ports();
        String round = Ratios.roundName(number);
        List<EventDocument> documents = eventDocuments(debugImages, plots);
        long seedStart = System.nanoTime();
        new ElasticSeeder(ports.elastic7Url()).seed(ElasticEra.ES7, documents);
        System.out.printf(
                "%s: seeded ES 7 with %d debug-image events and %d plots (%d compressed) in %.1f s%n",
                round,
                count(documents, "events-training_debug_image-"),
                count(documents, "events-plot-"),
                documents.stream()
                        .filter(d -> d.source().containsKey("plot_data"))
                        .count(),
                seconds(seedStart));
        settle(ports.elastic7Url());

        freshOnFirstRound(stack, number);
        CpuMeter oursCpu = CpuMeter.start(stack);
        PlannerClient.Finished ours = planner.run("{\"kind\":\"relink\",\"from\":\"" + FROM + "\",\"to\":\"" + TO
                + "\",\"elastic\":{\"hosts\":[\"" + ports.elastic7Url() + "\"]}}");
        JsonNode migration = ours.migration();
        double oursSeconds = ours.seconds();
        printRelink(
                "clearml-migrator relink, ES 7 (journals every change for undo, writes conditionally, rewrites"
                        + " compressed plots, verifies)",
                migration,
                planner,
                oursSeconds);
        System.out.println(oursCpu.summary());

        settle(ports.elastic7Url());
        freshOnFirstRound(stack, number);
        double baselineSeconds = updateByQuery(stack);
        System.out.printf(
                "=> ES: ours %.1f s vs baseline %.1f s (%.2fx)%n%n",
                oursSeconds, baselineSeconds, baselineSeconds / oursSeconds);
        return baselineSeconds / oursSeconds;
    }

    /** ClearML's side of an ES round, on the data ours just relinked, the other way round; returns its seconds. */
    private static double updateByQuery(LocalStack stack) throws Exception {
        CpuMeter baselineCpu = CpuMeter.start(stack);
        long baseline = System.nanoTime();
        ClearmlBaselines.updateByQuery(stack.ports().elastic7Url(), TO, FROM);
        double baselineSeconds = seconds(baseline);
        System.out.printf(
                "ClearML _update_by_query (painless, as printed by its script; skips compressed plots, no undo, no"
                        + " verification): %.1f s%n",
                baselineSeconds);
        System.out.println(baselineCpu.summary());
        return baselineSeconds;
    }

    /**
     * Before each side of the first round, Elasticsearch is started again, so that neither side finds it warmed by the
     * seeding or by the other side: the first round is what an operator meets after a maintenance restart. The
     * services are fresh in the first round: they have just started and done nothing.
     */
    private static void freshOnFirstRound(LocalStack stack, int round) throws Exception {
        if (round == 1) {
            stack.restartElastic7();
            settle(stack.ports().elastic7Url());
        }
    }

    private static void mongo(LocalStack stack, String mongoUri, PlannerClient planner, int tasks, int rounds)
            throws Exception {
        double first = mongoRound(stack, mongoUri, planner, tasks, Ratios.roundName(1));
        List<Double> warm = new ArrayList<>();
        for (int round = 2; round <= rounds; round++) {
            warm.add(mongoRound(stack, mongoUri, planner, tasks, Ratios.roundName(round)));
        }
        Ratios.printHeadline("MongoDB relink against a read-modify-write loop", first, warm);
    }

    /** Runs both sides on fresh data and returns how many times faster ours was. */
    private static double mongoRound(LocalStack stack, String mongoUri, PlannerClient planner, int tasks, String round)
            throws Exception {
        Map<String, List<Map<String, Object>>> collections =
                new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(99, 1, tasks))).collections();
        long seedStart = System.nanoTime();
        // Replaces the collection, so the measured round starts from fresh data.
        new MongoSeeder(mongoUri).seed(MongoDataset.DATABASE, Map.of("task", collections.get("task")));
        System.out.printf("%s: seeded MongoDB with %d tasks in %.1f s%n", round, tasks, seconds(seedStart));

        CpuMeter oursCpu = CpuMeter.start(stack);
        PlannerClient.Finished ours = planner.run("{\"kind\":\"relink\",\"from\":\"" + FROM + "\",\"to\":\"" + TO
                + "\",\"mongo\":{\"uri\":\"" + mongoUri + "\",\"database\":\"backend\"}}");
        JsonNode migration = ours.migration();
        double oursSeconds = ours.seconds();
        printRelink(
                "clearml-migrator relink, MongoDB (journals every change for undo, writes conditionally, verifies)",
                migration,
                planner,
                oursSeconds);
        System.out.println(oursCpu.summary());

        CpuMeter baselineCpu = CpuMeter.start(stack);
        long baseline = System.nanoTime();
        int updated = ClearmlBaselines.mongoLoop(mongoUri, TO, FROM);
        double baselineSeconds = seconds(baseline);
        System.out.printf(
                "Single-threaded read-modify-write loop (like fix_mongo_urls.py; no undo, no verification): %d tasks in"
                        + " %.1f s%n",
                updated, baselineSeconds);
        System.out.println(baselineCpu.summary());
        System.out.printf(
                "=> MongoDB: ours %.1f s vs baseline %.1f s (%.2fx)%n%n",
                oursSeconds, baselineSeconds, baselineSeconds / oursSeconds);
        return baselineSeconds / oursSeconds;
    }

    /**
     * Merges the event indices down to one segment each before a side is timed. Seeding, and the side timed before,
     * leave merges behind that would otherwise run during the next side's time; an operator's indices are settled.
     */
    private static void settle(String elasticUrl) throws Exception {
        for (String request : List.of("/events-*/_forcemerge?max_num_segments=1", "/events-*/_refresh")) {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(elasticUrl + request))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(request + " failed: " + answer.body());
            }
        }
    }

    private static void deleteEventIndices(String elasticUrl) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(elasticUrl + "/events-*"))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Deleting the first round's indices failed: " + answer.body());
        }
    }

    private static void printRelink(String title, JsonNode migration, PlannerClient planner, double seconds)
            throws Exception {
        JsonNode report = planner.report(migration.path("id").asText());
        long changed = 0;
        long remaining = 0;
        for (JsonNode target : report.path("targets")) {
            for (JsonNode field : target.path("fields")) {
                changed += field.path("changed").asLong();
                remaining += field.path("remaining").asLong();
            }
        }
        System.out.printf(
                "%s: %s, %d tasks, %d values changed, %d remaining, %.1f s end to end (%.0f values/s)%n",
                title,
                migration.path("status").asText(),
                migration.path("tasks").path("total").asInt(),
                changed,
                remaining,
                seconds,
                changed / seconds);
    }

    /** The first debug images and plots of a world large enough, so both counts are met. */
    private static List<EventDocument> eventDocuments(int debugImages, int plots) {
        int tasksNeeded = Math.max((debugImages + 3) / 4, plots);
        List<EventDocument> all =
                new EventDataset(ClearmlWorld.generate(DatasetSpec.of(7, 1, tasksNeeded)), ElasticEra.ES7).documents();
        List<EventDocument> chosen = new ArrayList<>();
        int images = 0;
        int plotCount = 0;
        for (EventDocument doc : all) {
            if (doc.index().startsWith("events-training_debug_image-") && images < debugImages) {
                chosen.add(doc);
                images++;
            } else if (doc.index().startsWith("events-plot-") && plotCount < plots) {
                chosen.add(doc);
                plotCount++;
            }
        }
        return chosen;
    }

    private static long count(List<EventDocument> documents, String prefix) {
        return documents.stream().filter(d -> d.index().startsWith(prefix)).count();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
