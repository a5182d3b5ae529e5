package com.clearmlmigrator.synthetic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.synthetic.ClearmlWorld.Company;
import com.clearmlmigrator.synthetic.ClearmlWorld.Task;

/**
 * ClearML's Elasticsearch documents for a world in one era: per-company event indices (logs, scalars, vectors, debug
 * images, plots) and monthly worker and queue statistics.
 */
public final class EventDataset {
    private static final long START_MILLIS = 1_597_455_288_000L;
    private static final List<String> MONTHS = List.of("2020-08", "2020-09");

    private final ClearmlWorld world;
    private final ElasticEra era;
    private final SeededIds ids;

    public EventDataset(ClearmlWorld world, ElasticEra era) {
        this.world = world;
        this.era = era;
        this.ids = new SeededIds(world.spec().seed() ^ era.ordinal() ^ 0x656c6173L);
    }

    /** Every document, grouped by index in a stable order. */
    public List<EventDocument> documents() {
        List<EventDocument> documents = new ArrayList<>();
        for (Company company : world.companies()) {
            for (int t = 0; t < company.tasks().size(); t++) {
                Task task = company.tasks().get(t);
                logs(company, task, documents);
                scalars(company, task, documents);
                debugImages(company, task, documents);
                plots(company, task, t, documents);
            }
            statistics(company, documents);
        }
        return documents;
    }

    /** The names of the per-company event index of a type, as ClearML names it. */
    public static String eventIndex(String type, String companyId) {
        return "events-" + type + "-" + companyId;
    }

    private void logs(Company company, Task task, List<EventDocument> out) {
        List<String> lines = List.of(
                "ClearML results page: http://files.old.lan:8080/projects/"
                        + task.project().id() + "/experiments/" + task.id(),
                "uploading model to " + world.spec().fileServer() + "/" + task.storagePath() + "/models/best.pt",
                "epoch 1 done");
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> source = event(task, "log", i, "", "");
            source.put("level", "info");
            source.put("msg", lines.get(i));
            // ClearML gives log events random ids.
            out.add(document(eventIndex("log", company.id()), ids.hexId(), task, source));
        }
    }

    private void scalars(Company company, Task task, List<EventDocument> out) {
        for (int iter = 0; iter < 3; iter++) {
            for (String metric : List.of("loss", "accuracy")) {
                for (String variant : List.of("train", "val")) {
                    Map<String, Object> source = event(task, "training_stats_scalar", iter, metric, variant);
                    source.put("value", Math.round(ids.fraction() * 10_000) / 10_000.0);
                    String id = SeededIds.eventId(task.id(), iter, metric, variant);
                    out.add(document(eventIndex("training_stats_scalar", company.id()), id, task, source));
                }
            }
        }
        Map<String, Object> vector = event(task, "training_stats_vector", 0, "hist", "weights");
        vector.put("value", List.of(0.1, 0.2, 0.3));
        String id = SeededIds.eventId(task.id(), 0, "hist", "weights");
        out.add(document(eventIndex("training_stats_vector", company.id()), id, task, vector));
    }

    private void debugImages(Company company, Task task, List<EventDocument> out) {
        for (int iter = 0; iter < 4; iter++) {
            // The SDK rotates file names over 5 slots, so URLs repeat across iterations.
            String file = "samples_batch0_%08d.jpeg".formatted(iter % 5);
            String key = task.storagePath().replace("%20", " ") + "/metrics/samples/batch0/" + file;
            Map<String, Object> source = event(task, "training_debug_image", iter, "samples", "batch0");
            source.put("key", key);
            source.put("url", world.spec().fileServer() + "/" + task.storagePath() + "/metrics/samples/batch0/" + file);
            String id = SeededIds.eventId(task.id(), iter, "samples", "batch0", key);
            out.add(document(eventIndex("training_debug_image", company.id()), id, task, source));
        }
    }

    private void plots(Company company, Task task, int ordinal, List<EventDocument> out) {
        String prefix = world.spec().fileServer() + "/" + task.storagePath() + "/metrics/confusion/val";
        String plot = Plots.imagePlot("confusion", prefix + "/confusion_val_00000000.png");
        out.add(plot(company, task, 0, "confusion", plot));
        if (era == ElasticEra.ES7 && ordinal % 10 == 0) {
            out.add(plot(company, task, 1, "samples table", Plots.largeTablePlot("samples", prefix)));
        }
    }

    private EventDocument plot(Company company, Task task, int iter, String metric, String plot) {
        Map<String, Object> source = event(task, "plot", iter, metric, "val");
        if (era == ElasticEra.ES7) {
            source.put("plot_len", plot.length());
            source.put("source_urls", Plots.sourceUrls(plot));
            if (plot.length() >= Plots.COMPRESSION_THRESHOLD) {
                source.put("plot_data", Plots.compress(plot));
            } else {
                source.put("plot_str", plot);
            }
        } else {
            source.put("plot_str", plot);
        }
        String id = SeededIds.eventId(task.id(), iter, metric, "val");
        return document(eventIndex("plot", company.id()), id, task, source);
    }

    private void statistics(Company company, List<EventDocument> out) {
        for (int m = 0; m < MONTHS.size(); m++) {
            String month = MONTHS.get(m);
            for (int i = 0; i < 10; i++) {
                long timestamp = START_MILLIS + m * 2_592_000_000L + i * 60_000L;
                Task task = company.tasks().get(i % company.tasks().size());
                Map<String, Object> stat = MongoDataset.map(
                        "timestamp",
                        timestamp,
                        "worker",
                        "gpu-box-" + (i % 2),
                        "task",
                        task.id(),
                        "category",
                        "gpu",
                        "metric",
                        "gpu_usage",
                        "variant",
                        Integer.toString(i % 2),
                        "value",
                        (double) ids.between(0, 100));
                out.add(statistic("worker_stats_" + company.id() + "_" + month, "stat", stat));
                Map<String, Object> queue = MongoDataset.map(
                        "timestamp",
                        timestamp,
                        "queue",
                        company.tasks().get(0).id(),
                        "average_waiting_time",
                        ids.between(0, 600) / 10.0,
                        "queue_length",
                        ids.between(0, 9));
                out.add(statistic("queue_metrics_" + company.id() + "_" + month, "metrics", queue));
            }
        }
    }

    private Map<String, Object> event(Task task, String type, int iter, String metric, String variant) {
        long timestamp = START_MILLIS + iter * 1000L;
        Map<String, Object> source = MongoDataset.map(
                "task",
                task.id(),
                "type",
                type,
                "iter",
                iter,
                "metric",
                metric,
                "variant",
                variant,
                "timestamp",
                timestamp,
                "@timestamp",
                Instant.ofEpochMilli(timestamp).toString(),
                "worker",
                "gpu-box-1");
        if (era == ElasticEra.ES7) {
            source.put("model_event", false);
        }
        return source;
    }

    private EventDocument document(String index, String id, Task task, Map<String, Object> source) {
        return era == ElasticEra.ES5
                ? new EventDocument(index, "event", id, task.id(), source)
                : new EventDocument(index, null, id, null, source);
    }

    private EventDocument statistic(String index, String es5Type, Map<String, Object> source) {
        return new EventDocument(index, era == ElasticEra.ES5 ? es5Type : null, ids.hexId(), null, source);
    }
}
