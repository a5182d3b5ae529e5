package com.clearmlmigrator.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** What ClearML's own tooling does, reproduced to measure against. */
final class ClearmlBaselines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ClearmlBaselines() {}

    /**
     * The {@code _update_by_query} requests ClearML's documentation and fix script have operators run by hand: a
     * painless replace on debug-image URLs (prefix query) and on plot_str. They leave compressed plot_data as it is.
     */
    static void updateByQuery(String elasticUrl, String from, String to) throws IOException, InterruptedException {
        Map<String, Object> params = Map.of("old", from, "new", to);
        post(
                elasticUrl + "/events-training_debug_image-*/_update_by_query?conflicts=proceed&refresh=true",
                Map.of(
                        "query", Map.of("prefix", Map.of("url", from)),
                        "script",
                                Map.of(
                                        "lang", "painless",
                                        "source", "ctx._source.url = ctx._source.url.replace(params.old, params.new)",
                                        "params", params)));
        post(
                elasticUrl + "/events-plot-*/_update_by_query?conflicts=proceed&refresh=true",
                Map.of(
                        "query", Map.of("match_all", Map.of()),
                        "script",
                                Map.of(
                                        "lang",
                                        "painless",
                                        "source",
                                        "if (ctx._source.plot_str != null) { ctx._source.plot_str = ctx._source.plot_str.replace(params.old, params.new) }",
                                        "params",
                                        params)));
    }

    /**
     * A single-threaded read-modify-write loop like ClearML's fix_mongo_urls.py: read each task, rewrite its artifact
     * URIs on the client, write it back with one update per document.
     */
    @SuppressWarnings("unchecked")
    static int mongoLoop(String mongoUri, String from, String to) {
        int updated = 0;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> tasks = client.getDatabase("backend").getCollection("task");
            // Batches of 1,000: the wire server otherwise answers 50,000 tasks in one reply, larger than the driver
            // takes.
            for (Document task : tasks.find()
                    .projection(new Document("execution.artifacts", 1))
                    .batchSize(1_000)) {
                Object artifacts = ((Document) task.get("execution")).get("artifacts");
                List<Bson> sets = new ArrayList<>();
                if (artifacts instanceof Document map) {
                    map.forEach((key, value) ->
                            rewrite((Document) value, "execution.artifacts." + key + ".uri", from, to, sets));
                } else if (artifacts instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        rewrite((Document) list.get(i), "execution.artifacts." + i + ".uri", from, to, sets);
                    }
                }
                if (!sets.isEmpty()) {
                    tasks.updateOne(Filters.eq("_id", task.get("_id")), Updates.combine(sets));
                    updated++;
                }
            }
        }
        return updated;
    }

    private static void rewrite(Document artifact, String path, String from, String to, List<Bson> sets) {
        String uri = artifact.getString("uri");
        if (uri != null && uri.startsWith(from)) {
            sets.add(Updates.set(path, to + uri.substring(from.length())));
        }
    }

    private static void post(String url, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
