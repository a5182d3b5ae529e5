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
import java.util.Optional;

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
import com.clearmlmigrator.synthetic.IndexTemplates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Elasticsearch upgrade copy, side by side on one fresh local stack and the same ES 5.6 data (about 90k documents over
 * three companies): ES 7's reindex-from-remote run one index at a time, as ClearML's upgrade script did, against
 * clearml-migrator's es-copy end to end, verification included, and against elasticdump where it is installed. The
 * first round is the headline: both clusters are started again before each side, and the services have done nothing
 * yet, as an operator's first run finds them. Later rounds run on warm servers and print their median. Size: -Dtasks=
 * (tasks per company); -Drounds=N; -Delasticdump=PATH (bin/benchmark-es-copy installs it from npm).
 */
public final class EsCopyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EsCopyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tasksPerCompany = Integer.parseInt(System.getProperty("tasks", "1400"));
        int rounds = Math.max(1, Integer.parseInt(System.getProperty("rounds", "2")));
        Optional<Elasticdump> elasticdump = Elasticdump.located(System.getProperty("elasticdump"));
        RepoLayout layout = RepoLayout.locate();
        Path state = Files.createTempDirectory("clearml-migrator-benchmark");
        StackPorts ports = StackPorts.free();
        try (LocalStack stack =
                new LocalStack(layout, ports, new StackOptions("512m", "1g", "2g", "1g", false), state)) {
            System.out.println("Starting the local stack in " + state + " ...");
            stack.startServers();
            stack.startServices();
            List<EventDocument> documents = new EventDataset(
                            ClearmlWorld.generate(DatasetSpec.of(5, 3, tasksPerCompany)), ElasticEra.ES5)
                    .documents();
            long seedStart = System.nanoTime();
            new ElasticSeeder(ports.elastic5Url()).seed(ElasticEra.ES5, documents);
            List<String> indices = documents.stream()
                    .map(EventDocument::index)
                    .distinct()
                    .sorted()
                    .toList();
            System.out.printf(
                    "Seeded ES 5.6 with %d documents in %d indices in %.1f s%n",
                    documents.size(), indices.size(), seconds(seedStart));

            PlannerClient planner = new PlannerClient(ports.plannerUrl());
            try (RssMeter rss = RssMeter.start(stack, RssMeter.SERVICES)) {
                double first = round(stack, planner, indices, 1, elasticdump);
                List<Double> warm = new ArrayList<>();
                for (int round = 2; round <= rounds; round++) {
                    warm.add(round(stack, planner, indices, round, Optional.empty()));
                }
                Ratios.printHeadline("es-copy against reindex-from-remote", first, warm);
                System.out.println(rss.summary());
            }
        }
    }

    /**
     * Every side on the same source, the first round's each on clusters started again; the source is made writable
     * again after ours, for the next side.
     */
    private static double round(
            LocalStack stack, PlannerClient planner, List<String> indices, int round, Optional<Elasticdump> elasticdump)
            throws Exception {
        StackPorts ports = stack.ports();
        System.out.println(Ratios.roundName(round) + ":");
        freshOnFirstRound(stack, round);
        CpuMeter baselineCpu = CpuMeter.start(stack);
        double baseline = reindexFromRemote(ports, indices);
        System.out.printf(
                "ES 7 reindex-from-remote, one index at a time (ClearML's upgrade script), templates first, no"
                        + " verification: %.1f s%n",
                baseline);
        System.out.println(baselineCpu.summary());
        deleteOnTarget(ports, indices);

        freshOnFirstRound(stack, round);
        CpuMeter oursCpu = CpuMeter.start(stack);
        double oursSeconds = copyWithOurs(ports, planner);
        System.out.println(oursCpu.summary());
        System.out.printf(
                "=> es-copy: ours %.1f s vs reindex-from-remote %.1f s (%.2fx)%n",
                oursSeconds, baseline, baseline / oursSeconds);
        deleteOnTarget(ports, indices);
        send("PUT", ports.elastic5Url() + "/_all/_settings", "{\"index.blocks.write\": false}");

        if (elasticdump.isPresent()) {
            freshOnFirstRound(stack, round);
            double dumpSeconds = copyWithElasticdump(stack, indices, elasticdump.get());
            System.out.printf(
                    "=> es-copy: ours %.1f s vs elasticdump %.1f s (%.2fx)%n",
                    oursSeconds, dumpSeconds, dumpSeconds / oursSeconds);
        } else if (round == 1) {
            System.out.println(
                    "elasticdump: not installed (npm install elasticdump, then -Delasticdump=PATH); skipped");
        }
        System.out.println();
        return baseline / oursSeconds;
    }

    /** elasticdump's copy of every index, templates first as for the others; prints what arrived, returns seconds. */
    private static double copyWithElasticdump(LocalStack stack, List<String> indices, Elasticdump elasticdump)
            throws Exception {
        StackPorts ports = stack.ports();
        putTemplates(ports);
        CpuMeter dumpCpu = CpuMeter.start(stack, "elasticdump (node)");
        double dumpSeconds = elasticdump.copy(ports.elastic5Url(), ports.elastic7Url(), indices);
        send("POST", ports.elastic7Url() + "/_refresh", null);
        System.out.printf(
                "elasticdump %s (--limit %d --noRefresh, %d indices at once, no verification): %d of %d documents"
                        + " on the target, %.1f s%n",
                elasticdump.version(),
                Elasticdump.LIMIT,
                Elasticdump.PARALLEL,
                count(ports.elastic7Url(), indices),
                count(ports.elastic5Url(), indices),
                dumpSeconds);
        System.out.println(dumpCpu.summary());
        deleteOnTarget(ports, indices);
        return dumpSeconds;
    }

    /** Both clusters started again before a side of the first round: neither side finds them warmed by the other. */
    private static void freshOnFirstRound(LocalStack stack, int round) throws Exception {
        if (round == 1) {
            stack.restartElastic5();
            stack.restartElastic7();
        }
    }

    /** Our es-copy of every ClearML index, end to end with verification; prints what it did and returns seconds. */
    private static double copyWithOurs(StackPorts ports, PlannerClient planner) throws Exception {
        PlannerClient.Finished ours = planner.run("{\"kind\":\"es-copy\",\"source\":{\"hosts\":[\""
                + ports.elastic5Url() + "\"]},\"target\":{\"hosts\":[\"" + ports.elastic7Url() + "\"]}}");
        JsonNode migration = ours.migration();
        double oursSeconds = ours.seconds();
        JsonNode report = planner.report(migration.path("id").asText());
        long matching = 0;
        for (JsonNode index : report.path("indices")) {
            matching += index.path("checksumMatch").asBoolean() ? 1 : 0;
        }
        System.out.printf(
                "clearml-migrator es-copy: %s, %d tasks, %d of %d documents copied, %d of %d indices verified"
                        + " equal by count and checksum, %.1f s end to end (%.0f documents/s)%n",
                migration.path("status").asText(),
                migration.path("tasks").path("total").asInt(),
                report.path("copied").asLong(),
                report.path("documents").asLong(),
                matching,
                report.path("indices").size(),
                oursSeconds,
                report.path("copied").asLong() / oursSeconds);
        printSlowest(report.path("indices"));
        return oursSeconds;
    }

    /** The indices that took longest, from the first step's start to the end of their verification. */
    private static void printSlowest(JsonNode indices) {
        List<JsonNode> rows = new ArrayList<>();
        indices.forEach(rows::add);
        rows.sort((a, b) ->
                Long.compare(b.path("tookMillis").asLong(), a.path("tookMillis").asLong()));
        StringBuilder line = new StringBuilder("  slowest indices:");
        for (JsonNode row : rows.subList(0, Math.min(5, rows.size()))) {
            line.append(String.format(
                    " %s (%d docs, %.1f s)",
                    row.path("index").asText(),
                    row.path("documents").asLong(),
                    row.path("tookMillis").asLong() / 1e3));
        }
        System.out.println(line);
    }

    /** What ClearML's upgrade did: for each index in turn, one synchronous reindex-from-remote call on the ES 7 node. */
    private static double reindexFromRemote(StackPorts ports, List<String> indices) throws Exception {
        putTemplates(ports);
        long start = System.nanoTime();
        for (String index : indices) {
            JsonNode answer = send(
                    "POST",
                    ports.elastic7Url() + "/_reindex?wait_for_completion=true&refresh=true",
                    JSON.writeValueAsString(Map.of(
                            "source",
                            Map.of("remote", Map.of("host", ports.elastic5Url()), "index", index, "size", 1000),
                            "dest",
                            Map.of("index", index))));
            if (answer.path("failures").size() > 0 || answer.has("error")) {
                throw new IllegalStateException("reindex of " + index + " failed: " + answer);
            }
        }
        return seconds(start);
    }

    /** The ClearML server puts its templates on a new ES 7 before any index exists; the peers get the same. */
    private static void putTemplates(StackPorts ports) throws Exception {
        for (Map.Entry<String, Map<String, Object>> template :
                IndexTemplates.forEra(ElasticEra.ES7).entrySet()) {
            send(
                    "PUT",
                    ports.elastic7Url() + "/_template/" + template.getKey(),
                    JSON.writeValueAsString(template.getValue()));
        }
    }

    private static long count(String clusterUrl, List<String> indices) throws Exception {
        return send("GET", clusterUrl + "/" + String.join(",", indices) + "/_count", null)
                .path("count")
                .asLong();
    }

    private static void deleteOnTarget(StackPorts ports, List<String> indices) throws Exception {
        for (String index : indices) {
            send("DELETE", ports.elastic7Url() + "/" + index, null);
        }
    }

    private static JsonNode send(String method, String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return JSON.readTree(
                HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
