package com.clearmlmigrator.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plot events of megabytes each, as large tables of sample images produce them: for tests and benchmarks that must show
 * a worker handling documents that together weigh more than its heap. On ES 7 they are stored as ClearML stores plots
 * over 100,000 characters (zlib in {@code plot_data}, with {@code plot_len} and {@code source_urls}); the ES 5.6 era kept
 * plots uncompressed in {@code plot_str}.
 */
public final class HeavyPlots {
    private HeavyPlots() {}

    /**
     * @param companyId  the company whose {@code events-plot-<company>} index they go to
     * @param count      how many plots
     * @param characters the length of each plot's JSON, at least
     * @param urlPrefix  the file server prefix of the image URLs in every cell
     */
    public static List<EventDocument> documents(
            ElasticEra era, String companyId, int count, int characters, String urlPrefix) {
        List<EventDocument> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(document(era, companyId, i, characters, urlPrefix));
        }
        return documents;
    }

    /** The {@code i}-th of those plots, made on its own: plots of tens of megabytes are best made one at a time. */
    public static EventDocument document(ElasticEra era, String companyId, int i, int characters, String urlPrefix) {
        String task = "heavy%028d".formatted(i % 7);
        String plot = table("samples " + i, urlPrefix + "/heavy/" + task + "/metrics", characters);
        Map<String, Object> source = MongoDataset.map(
                "task",
                task,
                "type",
                "plot",
                "iter",
                i,
                "metric",
                "samples",
                "variant",
                "val",
                "timestamp",
                1_597_455_288_000L + i);
        if (era == ElasticEra.ES7) {
            source.put("plot_len", plot.length());
            source.put("source_urls", Plots.sourceUrls(plot));
            source.put("plot_data", Plots.compress(plot));
        } else {
            source.put("plot_str", plot);
        }
        String index = EventDataset.eventIndex("plot", companyId);
        String id = "heavy-plot-" + i;
        return era == ElasticEra.ES5
                ? new EventDocument(index, "event", id, task, source)
                : new EventDocument(index, null, id, null, source);
    }

    /** A table plot of at least {@code characters} characters with an image URL in every cell. */
    static String table(String title, String urlPrefix, int characters) {
        StringBuilder cells = new StringBuilder();
        for (int row = 0; cells.length() < characters; row++) {
            if (row > 0) {
                cells.append(", ");
            }
            cells.append('"').append(urlPrefix).append("/sample_").append(row).append(".png\"");
        }
        return "{\"data\": [{\"type\": \"table\", \"cells\": {\"values\": [[" + cells + "]]}}], \"layout\":"
                + " {\"images\": [{\"source\": \"" + urlPrefix + "/preview.png\"}], \"title\": \"" + title + "\"}}";
    }
}
