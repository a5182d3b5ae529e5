package com.clearmlmigrator.benchmarks;

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
import com.clearmlmigrator.synthetic.EventDocument;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code bin/benchmark-scale}: operator-sized runs on a fresh local stack with {@code bin/dev-stack}'s defaults (the
 * MongoDB wire server on H2 files, the services' default heaps): a relink of 200,000 MongoDB tasks, a relink of
 * 1,000,000 debug-image events on ES 7, and an es-copy of 1,000,000 events from ES 5.6 to ES 7, verification included.
 * Prints, for each, the time end to end, documents per second and every service's peak RSS. Asserts nothing. Sizes:
 * {@code -Dtasks=}, {@code -Devents=}.
 */
public final class ScaleBenchmark {
    private static final String FROM = "http://files.old.lan:8081/";
    private static final String TO = "https://files.example.com/";
    private static final int SEED_BATCH = 50_000;
    private static final List<String> SERVICES =
            List.of(LocalStack.PLANNER, LocalStack.MONGO_WORKER, LocalStack.ELASTIC_WORKER);

    private ScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(System.getProperty("tasks", "200000"));
        int events = Integer.parseInt(System.getProperty("events", "1000000"));
        RepoLayout layout = RepoLayout.locate();
        Path state = Files.createTempDirectory("clearml-migrator-scale");
        StackPorts ports = StackPorts.free();
        // bin/dev-stack's defaults, services unsupervised so their own processes are measured.
        StackOptions defaults = StackOptions.fromEnvironment(Map.of("DEV_STACK_SUPERVISE", "false"));
        try (LocalStack stack = new LocalStack(layout, ports, defaults, state)) {
            System.out.println("Starting the local stack in " + state + " (service heap " + defaults.serviceHeap()
                    + ", MongoDB on H2) ...");
            stack.startServers();
            stack.startServices();
            PlannerClient planner = new PlannerClient(ports.plannerUrl());
            if (tasks > 0) {
                seedTasks(stack, tasks);
                run(stack, planner, "MongoDB relink of %,d tasks", tasks, relink(mongo(ports)));
            }
            if (events > 0) {
                seed(ports.elastic7Url(), ElasticEra.ES7, events, ScaleBenchmark::debugImages, "ES 7", "debug-image");
                run(stack, planner, "ES 7 relink of %,d debug-image events", events, relink(elastic(ports)));
                seed(ports.elastic5Url(), ElasticEra.ES5, events, ScaleBenchmark::scalars, "ES 5.6", "scalar");
                run(stack, planner, "es-copy ES 5.6 -> 7 of %,d events", events, copyOfScalars(ports));
            }
        } finally {
            delete(state);
        }
    }

    private static void seedTasks(LocalStack stack, int tasks) {
        long start = System.nanoTime();
        Map<String, List<Map<String, Object>>> collections =
                new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(99, 1, tasks))).collections();
        new MongoSeeder(stack.ports().mongoUri()).seed(MongoDataset.DATABASE, Map.of("task", collections.get("task")));
        System.out.printf("Seeded MongoDB (H2) with %,d tasks in %.0f s%n", tasks, seconds(start));
    }

    private static String relink(String store) {
        return "{\"kind\":\"relink\",\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\"," + store + "}";
    }

    private static String mongo(StackPorts ports) {
        return "\"mongo\":{\"uri\":\"" + ports.mongoUri() + "\",\"database\":\"backend\"}";
    }

    private static String elastic(StackPorts ports) {
        return "\"elastic\":{\"hosts\":[\"" + ports.elastic7Url() + "\"]}";
    }

    private static String copyOfScalars(StackPorts ports) {
        return "{\"kind\":\"es-copy\",\"source\":{\"hosts\":[\"" + ports.elastic5Url()
                + "\"]},\"target\":{\"hosts\":[\"" + ports.elastic7Url()
                + "\"]},\"indices\":[\"events-training_stats_scalar-*\"]}";
    }

    /** Seeds the era's templates and then the events, made and sent a batch at a time. */
    private static void seed(
            String url,
            ElasticEra era,
            int events,
            java.util.function.BiFunction<Integer, Integer, List<EventDocument>> batch,
            String cluster,
            String kind) {
        long start = System.nanoTime();
        ElasticSeeder seeder = new ElasticSeeder(url);
        seeder.seed(era, List.of());
        for (int from = 0; from < events; from += SEED_BATCH) {
            seeder.add(era, batch.apply(from, Math.min(events, from + SEED_BATCH)));
        }
        System.out.printf("Seeded %s with %,d %s events in %.0f s%n", cluster, events, kind, seconds(start));
    }

    /** @param title a format with one place for the number of documents */
    private static void run(LocalStack stack, PlannerClient planner, String title, int documents, String body)
            throws Exception {
        List<String> measured = new ArrayList<>(SERVICES);
        measured.addAll(List.of("mongo", "elasticsearch-7", "elasticsearch-5"));
        try (RssMeter rss = RssMeter.start(stack, measured)) {
            CpuMeter cpu = CpuMeter.start(stack);
            PlannerClient.Finished finished = planner.run(body);
            JsonNode migration = finished.migration();
            System.out.printf(
                    "%s: %s, %d tasks, %.1f s end to end, %,.0f documents/s%n",
                    String.format(title, documents),
                    migration.path("status").asText(),
                    migration.path("tasks").path("total").asInt(),
                    finished.seconds(),
                    documents / finished.seconds());
            System.out.println(cpu.summary());
            System.out.println(rss.summary());
            System.out.println();
        }
    }

    /** Debug-image events of one company, as ClearML stores them on ES 7. */
    private static List<EventDocument> debugImages(int from, int to) {
        List<EventDocument> documents = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            String task = "task%027d".formatted(i / 100);
            String file = "samples_batch0_%08d.jpeg".formatted(i % 100);
            documents.add(new EventDocument(
                    "events-training_debug_image-scale",
                    null,
                    "img-" + i,
                    null,
                    Map.of(
                            "task",
                            task,
                            "type",
                            "training_debug_image",
                            "iter",
                            i % 100,
                            "metric",
                            "samples",
                            "variant",
                            "batch0",
                            "timestamp",
                            1_597_455_288_000L + i,
                            "key",
                            "proj/" + task + "/metrics/samples/batch0/" + file,
                            "url",
                            FROM + "proj/" + task + "/metrics/samples/batch0/" + file)));
        }
        return documents;
    }

    /** Scalar events of two companies, as ClearML stored them on ES 5.6 (typed, routed by task). */
    private static List<EventDocument> scalars(int from, int to) {
        List<EventDocument> documents = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            String task = "task%027d".formatted(i / 1000);
            documents.add(new EventDocument(
                    "events-training_stats_scalar-scale" + (i % 2),
                    "event",
                    "scalar-" + i,
                    task,
                    Map.of(
                            "task",
                            task,
                            "type",
                            "training_stats_scalar",
                            "iter",
                            i % 1000,
                            "metric",
                            "loss",
                            "variant",
                            "train",
                            "timestamp",
                            1_597_455_288_000L + i,
                            "value",
                            (i % 997) / 997.0)));
        }
        return documents;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void delete(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
